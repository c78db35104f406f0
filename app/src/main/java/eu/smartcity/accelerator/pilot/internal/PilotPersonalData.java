package eu.smartcity.accelerator.pilot.internal;

import eu.smartcity.accelerator.shared.personaldata.DataSubject;
import eu.smartcity.accelerator.shared.personaldata.PersonalColumns;
import eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder;
import eu.smartcity.accelerator.shared.personaldata.RetentionClass;
import eu.smartcity.accelerator.shared.personaldata.RetentionPeriods;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A person in the pilot module: who submitted a milestone report and who reviewed it, and the person as named in
 * the reports, the review notes, a pilot's latest progress or its stop reason. The reports are the evidence that the
 * contract was performed (PROCUREMENT_RECORD): erasure keeps them, replaces the user ids by the pseudonym and
 * removes the person from the text.
 */
@Component
class PilotPersonalData implements PersonalDataHolder {

    private static final List<String> REPORT_USERS = List.of("submitted_by", "reviewed_by");
    private static final List<String> REPORT_TEXTS = List.of("report", "review_notes");
    private static final List<String> PILOT_TEXTS = List.of("last_report", "stop_reason");

    private final PersonalColumns columns;

    PilotPersonalData(JdbcTemplate jdbc) {
        this.columns = new PersonalColumns(jdbc);
    }

    @Override
    public String section() {
        return "pilots";
    }

    @Override
    public Map<String, Object> export(DataSubject subject) {
        Map<String, Object> export = new LinkedHashMap<>();
        List<Map<String, Object>> reports = columns.rowsOf("pilot_report", "pilot_id, milestone_no, report, milestone_met, "
                + "submitted_by, submitted_at, reviewed_by, reviewed_at, continued, review_notes", subject, REPORT_USERS, REPORT_TEXTS,
                "submitted_at");
        List<Map<String, Object>> pilots = columns.rowsOf("pilot", "id, challenge_id, city_group, company_group, status, "
                + "last_report, stop_reason", subject, List.of(), PILOT_TEXTS, "id");
        if (!reports.isEmpty()) {
            export.put("milestoneReports", reports);
        }
        if (!pilots.isEmpty()) {
            export.put("pilotsNamingYou", pilots);
        }
        return export;
    }

    @Override
    public Map<String, Integer> erase(DataSubject subject) {
        Map<String, Integer> touched = new LinkedHashMap<>();
        touched.put("pilot_report", columns.pseudonymise("pilot_report", "submitted_by", subject)
                + columns.pseudonymise("pilot_report", "reviewed_by", subject)
                + columns.pseudonymiseMentions("pilot_report", "id", subject, REPORT_TEXTS.toArray(String[]::new)));
        touched.put("pilot", columns.pseudonymiseMentions("pilot", "id", subject, PILOT_TEXTS.toArray(String[]::new)));
        return touched;
    }

    /** Ten years (PROCUREMENT_RECORD) after a report, who wrote and reviewed it is forgotten; the report stays. */
    @Override
    public Map<String, Integer> expire(RetentionPeriods periods, Instant now) {
        return periods.of(RetentionClass.PROCUREMENT_RECORD).map(period -> {
            Instant cutoff = now.minus(period);
            return Map.of("pilot_report", columns.expireUserIds("pilot_report", "submitted_by", "submitted_at", cutoff)
                    + columns.expireUserIds("pilot_report", "reviewed_by", "coalesce(reviewed_at, submitted_at)", cutoff));
        }).orElse(Map.of());
    }
}
