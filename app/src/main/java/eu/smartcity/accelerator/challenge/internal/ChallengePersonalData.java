package eu.smartcity.accelerator.challenge.internal;

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
 * A person in the challenge module: the coordinator who moved a call's closing date (and why), and the person as
 * named in the coordinator's remarks on a challenge (remarks have no author column). All of it is the
 * challenge's file (PROCUREMENT_RECORD): erasure keeps the change and the remarks and removes the person.
 */
@Component
class ChallengePersonalData implements PersonalDataHolder {

    private final PersonalColumns columns;

    ChallengePersonalData(JdbcTemplate jdbc) {
        this.columns = new PersonalColumns(jdbc);
    }

    @Override
    public String section() {
        return "challenges";
    }

    @Override
    public Map<String, Object> export(DataSubject subject) {
        Map<String, Object> export = new LinkedHashMap<>();
        List<Map<String, Object>> changes = columns.rowsOf("call_window_change",
                "challenge_id, kind, closes_before, closes_after, reason, changed_by, changed_at", subject, List.of("changed_by"),
                List.of("reason"), "changed_at");
        List<Map<String, Object>> remarks = columns.rowsOf("challenge_remark", "challenge_id, remarks, sent_back_at", subject,
                List.of(), List.of("remarks"), "sent_back_at");
        List<Map<String, Object>> challenges = columns.rowsOf("challenge", "id, title, city_group, remarks", subject, List.of(),
                List.of("remarks"), "id");
        if (!changes.isEmpty()) {
            export.put("callWindowChanges", changes);
        }
        if (!remarks.isEmpty()) {
            export.put("remarksNamingYou", remarks);
        }
        if (!challenges.isEmpty()) {
            export.put("challengesWhoseLatestRemarksNameYou", challenges);
        }
        return export;
    }

    @Override
    public Map<String, Integer> erase(DataSubject subject) {
        Map<String, Integer> touched = new LinkedHashMap<>();
        touched.put("call_window_change", columns.pseudonymise("call_window_change", "changed_by", subject)
                + columns.pseudonymiseMentions("call_window_change", "id", subject, "reason"));
        touched.put("challenge_remark", columns.pseudonymiseMentions("challenge_remark", "id", subject, "remarks"));
        touched.put("challenge", columns.pseudonymiseMentions("challenge", "id", subject, "remarks"));
        return touched;
    }

    /** Ten years (PROCUREMENT_RECORD) after a call's closing date moved, who moved it is forgotten. */
    @Override
    public Map<String, Integer> expire(RetentionPeriods periods, Instant now) {
        return periods.of(RetentionClass.PROCUREMENT_RECORD)
                .map(period -> Map.of("call_window_change",
                        columns.expireUserIds("call_window_change", "changed_by", "changed_at", now.minus(period))))
                .orElse(Map.of());
    }
}
