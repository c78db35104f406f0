package eu.smartcity.accelerator.selection.internal;

import static eu.smartcity.accelerator.shared.personaldata.PersonalColumns.iso;

import eu.smartcity.accelerator.shared.personaldata.DataSubject;
import eu.smartcity.accelerator.shared.personaldata.Mentions;
import eu.smartcity.accelerator.shared.personaldata.PersonalColumns;
import eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder;
import eu.smartcity.accelerator.shared.personaldata.RetentionClass;
import eu.smartcity.accelerator.shared.personaldata.RetentionPeriods;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A juror's seats, conflict declarations, marks and comments, and a coordinator's quota overrides: the selection
 * report (procurement record) keeps them all under the pseudonym, so the ranking still adds up; the text of the
 * person's conflict of interest (about their own ties) is deleted, and wherever the report's free text mentions them
 * ({@link Mentions}) the pseudonym stands instead. Ranking entries name no one.
 */
@Component
class SelectionPersonalData implements PersonalDataHolder {

    /** Who approved an override whose retention ended. */
    static final String EXPIRED = "retention-expired";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PersonalColumns columns;

    SelectionPersonalData(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
        this.columns = new PersonalColumns(jdbc);
    }

    @Override
    public String section() {
        return "jury";
    }

    @Override
    public Map<String, Object> export(DataSubject subject) {
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("seats", jdbc.sql("""
                SELECT challenge_id, seat_no, status, declared_conflict, conflict_reason, declared_at FROM jury_seat
                WHERE member = ? ORDER BY challenge_id, seat_no""").param(subject.userId())
                .query((rs, n) -> {
                    Map<String, Object> seat = new LinkedHashMap<>();
                    seat.put("challengeId", rs.getString(1));
                    seat.put("seat", rs.getInt(2));
                    seat.put("status", rs.getString(3));
                    if (rs.getObject(4) != null) {
                        seat.put("declaredConflict", rs.getBoolean(4));
                        seat.put("declaredAt", iso(rs.getObject(6, OffsetDateTime.class)));
                    }
                    if (rs.getString(5) != null) {
                        seat.put("conflictReason", rs.getString(5));
                    }
                    return seat;
                }).list());
        export.put("scores", jdbc.sql("""
                SELECT challenge_id, application_id, round, fit, innovation, team, price, replicability, open_data_use,
                       weighted_score, score_comment, scored_at
                FROM jury_score WHERE member = ? ORDER BY scored_at, application_id""").param(subject.userId())
                .query((rs, n) -> {
                    Map<String, Object> score = new LinkedHashMap<>();
                    score.put("challengeId", rs.getString(1));
                    score.put("applicationId", rs.getString(2));
                    score.put("round", rs.getInt(3));
                    score.put("fit", rs.getInt(4));
                    score.put("innovation", rs.getInt(5));
                    score.put("team", rs.getInt(6));
                    score.put("price", rs.getInt(7));
                    score.put("replicability", rs.getInt(8));
                    score.put("openDataUse", rs.getInt(9));
                    score.put("weightedScore", rs.getDouble(10));
                    if (rs.getString(11) != null) {
                        score.put("comment", rs.getString(11));
                    }
                    score.put("scoredAt", iso(rs.getObject(12, OffsetDateTime.class)));
                    return score;
                }).list());
        // the marking work itself: each score task they were given (it keeps no engine task history since V213), when it
        // opened and when they marked it (none: open, or the jury window closed first)
        export.put("scoreTasks", jdbc.sql("""
                SELECT t.challenge_id, t.application_id, t.round, t.opened_at, s.scored_at FROM jury_score_task t
                LEFT JOIN jury_score s ON s.challenge_id = t.challenge_id AND s.application_id = t.application_id
                     AND s.member = t.member AND s.round = t.round
                WHERE t.member = ? ORDER BY t.opened_at, t.execution_id""").param(subject.userId())
                .query((rs, n) -> {
                    Map<String, Object> task = new LinkedHashMap<>();
                    task.put("task", ScoreTasks.TASK);
                    task.put("challengeId", rs.getString(1));
                    task.put("applicationId", rs.getString(2));
                    task.put("round", rs.getInt(3));
                    task.put("openedAt", iso(rs.getObject(4, OffsetDateTime.class)));
                    if (rs.getObject(5) != null) {
                        task.put("scoredAt", iso(rs.getObject(5, OffsetDateTime.class)));
                    }
                    return task;
                }).list());
        export.put("quotaOverridesApproved", jdbc.sql("""
                SELECT challenge_id, rule, reason, overridden_at FROM quota_override WHERE overridden_by = ? ORDER BY overridden_at""")
                .param(subject.userId())
                .query((rs, n) -> Map.<String, Object>of("challengeId", rs.getString(1), "rule", rs.getString(2),
                        "reason", rs.getString(3), "approvedAt", iso(rs.getObject(4, OffsetDateTime.class))))
                .list());
        return export;
    }

    @Override
    public Map<String, Integer> erase(DataSubject subject) {
        Map<String, Integer> touched = new LinkedHashMap<>();
        touched.put("jury_seat", jdbc.sql("UPDATE jury_seat SET member = ?, conflict_reason = NULL WHERE member = ?")
                .params(subject.pseudonym(), subject.userId()).update());
        touched.put("jury_score", jdbc.sql("UPDATE jury_score SET member = ? WHERE member = ?")
                .params(subject.pseudonym(), subject.userId()).update());
        touched.put("jury_score_task", jdbc.sql("UPDATE jury_score_task SET member = ? WHERE member = ?")
                .params(subject.pseudonym(), subject.userId()).update());
        touched.put("quota_override", jdbc.sql("UPDATE quota_override SET overridden_by = ? WHERE overridden_by = ?")
                .params(subject.pseudonym(), subject.userId()).update());
        // free text of the report that names the person (anyone's comment, another juror's conflict, a reason) keeps its sense
        touched.put("jury_seat.conflict_reason", columns.pseudonymiseMentions("jury_seat", "id", subject, "conflict_reason"));
        touched.put("jury_score.score_comment", columns.pseudonymiseMentions("jury_score", "id", subject, "score_comment"));
        touched.put("quota_override.reason", columns.pseudonymiseMentions("quota_override", "id", subject, "reason"));
        touched.put("selection_reopening.remarks", columns.pseudonymiseMentions("selection_reopening", "id", subject, "remarks"));
        return touched;
    }

    /**
     * Past the procurement record's period after a challenge's last jury activity (a mark or a declaration), its
     * jurors become pseudonyms: one per juror and challenge, fresh and unrecorded, so seats and marks still match
     * up and nothing links the juror across challenges. The seat's conflict text goes too. (A seat whose jury never
     * marked nor declared anything has no date of its own and waits for one.)
     */
    @Override
    public Map<String, Integer> expire(RetentionPeriods periods, Instant now) {
        return periods.of(RetentionClass.PROCUREMENT_RECORD).map(period -> {
            OffsetDateTime before = now.minus(period).atOffset(ZoneOffset.UTC);
            int seats = 0;
            int scores = 0;
            int scoreTasks = 0;
            List<UUID> ended = jdbc.sql("""
                    SELECT challenge_id FROM (SELECT challenge_id, scored_at AS t FROM jury_score
                                              UNION ALL SELECT challenge_id, declared_at FROM jury_seat) activity
                    GROUP BY challenge_id HAVING MAX(t) < ?""").param(before).query(UUID.class).list();
            for (UUID challenge : ended) {
                List<String> members = jdbc.sql("""
                        SELECT member FROM jury_seat WHERE challenge_id = ? AND member NOT LIKE 'erased-%' AND member NOT LIKE 'expired-%'
                        UNION SELECT member FROM jury_score WHERE challenge_id = ? AND member NOT LIKE 'erased-%' AND member NOT LIKE 'expired-%'""")
                        .params(challenge, challenge).query(String.class).list();
                for (String member : members) {
                    byte[] random = new byte[4];
                    RANDOM.nextBytes(random);
                    String pseudonym = "expired-" + HexFormat.of().formatHex(random);
                    seats += jdbc.sql("UPDATE jury_seat SET member = ?, conflict_reason = NULL WHERE challenge_id = ? AND member = ?")
                            .params(pseudonym, challenge, member).update();
                    scores += jdbc.sql("UPDATE jury_score SET member = ? WHERE challenge_id = ? AND member = ?")
                            .params(pseudonym, challenge, member).update();
                    scoreTasks += jdbc.sql("UPDATE jury_score_task SET member = ? WHERE challenge_id = ? AND member = ?")
                            .params(pseudonym, challenge, member).update();
                }
            }
            int overrides = jdbc.sql("UPDATE quota_override SET overridden_by = ? WHERE overridden_at < ? AND overridden_by <> ?")
                    .params(EXPIRED, before, EXPIRED).update();
            return Map.of("jury_seat", seats, "jury_score", scores, "jury_score_task", scoreTasks, "quota_override", overrides);
        }).orElse(Map.of());
    }

}
