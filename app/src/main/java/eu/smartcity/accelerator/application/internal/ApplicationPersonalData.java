package eu.smartcity.accelerator.application.internal;

import static eu.smartcity.accelerator.shared.personaldata.PersonalColumns.iso;

import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.shared.personaldata.DataSubject;
import eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder;
import eu.smartcity.accelerator.shared.personaldata.RetentionClass;
import eu.smartcity.accelerator.shared.personaldata.RetentionPeriods;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applications are the company's (procurement records naming no natural person: no submitter, contact or actor
 * column; who submitted is the process's, hence the engine's share); the person sees those of the companies they
 * act for. Drafts name the person who saved them ({@code saved_by}): working data, deleted on erasure and once the
 * call closed longer ago than the operational period.
 */
@Component
class ApplicationPersonalData implements PersonalDataHolder {

    private final JdbcClient jdbc;
    private final Challenges challenges;

    ApplicationPersonalData(JdbcTemplate jdbc, Challenges challenges) {
        this.jdbc = JdbcClient.create(jdbc);
        this.challenges = challenges;
    }

    @Override
    public String section() {
        return "applications";
    }

    @Override
    public Map<String, Object> export(DataSubject subject) {
        Map<String, Object> export = new LinkedHashMap<>();
        List<Map<String, Object>> applications = new java.util.ArrayList<>();
        for (String company : subject.organisationIds()) {
            applications.addAll(jdbc.sql("""
                    SELECT id, challenge_id, company_group, solution_title, pitch, requested_budget, status, submitted_at
                    FROM application WHERE company_group = ? ORDER BY submitted_at""").param(company)
                    .query((rs, n) -> {
                        Map<String, Object> application = new LinkedHashMap<>();
                        application.put("id", rs.getString(1));
                        application.put("challengeId", rs.getString(2));
                        application.put("company", rs.getString(3));
                        application.put("solutionTitle", rs.getString(4));
                        application.put("pitch", rs.getString(5));
                        application.put("requestedBudget", rs.getBigDecimal(6).toPlainString());
                        application.put("status", rs.getString(7));
                        application.put("submittedAt", iso(rs.getObject(8, OffsetDateTime.class)));
                        return application;
                    }).list());
        }
        export.put("applicationsOfYourCompany", applications);
        export.put("draftsYouSaved", jdbc.sql("""
                SELECT challenge_id, company_group, solution_title, pitch, saved_at FROM application_draft
                WHERE saved_by = ? ORDER BY saved_at""").param(subject.userId())
                .query((rs, n) -> {
                    Map<String, Object> draft = new LinkedHashMap<>();
                    draft.put("challengeId", rs.getString(1));
                    draft.put("company", rs.getString(2));
                    draft.put("solutionTitle", rs.getString(3));
                    draft.put("pitch", rs.getString(4));
                    draft.put("savedAt", iso(rs.getObject(5, OffsetDateTime.class)));
                    return draft;
                }).list());
        return export;
    }

    @Override
    public Map<String, Integer> erase(DataSubject subject) {
        return Map.of("application_draft", jdbc.sql("DELETE FROM application_draft WHERE saved_by = ?").param(subject.userId()).update());
    }

    /** A draft ends with its call: deleted the operational period after the call closed (after it was saved, if its challenge is gone). */
    @Override
    public Map<String, Integer> expire(RetentionPeriods periods, Instant now) {
        return periods.of(RetentionClass.PERSONAL_OPERATIONAL).map(period -> {
            int deleted = 0;
            List<Draft> drafts = jdbc.sql("SELECT id, challenge_id, saved_at FROM application_draft")
                    .query((rs, n) -> new Draft(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getObject(3, OffsetDateTime.class).toInstant())).list();
            for (Draft draft : drafts) {
                // a draft exists only for an open call, so its challenge has a closing date (none: not closed yet)
                java.util.Optional<Challenges.ChallengeView> challenge = challenges.find(draft.challengeId());
                Instant ended = challenge.isEmpty() ? draft.savedAt() : challenge.get().callClosesAt();
                if (ended != null && ended.plus(period).isBefore(now)) {
                    deleted += jdbc.sql("DELETE FROM application_draft WHERE id = ?").param(draft.id()).update();
                }
            }
            return Map.of("application_draft", deleted);
        }).orElse(Map.of());
    }

    private record Draft(UUID id, UUID challengeId, Instant savedAt) {}

}
