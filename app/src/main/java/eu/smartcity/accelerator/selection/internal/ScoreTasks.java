package eu.smartcity.accelerator.selection.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which application each score task is for ({@code jury_score_task}), by the task's execution: the scoring
 * multi-instance's element, kept here instead of a process variable (issue 19). Written once per opened seat, in one
 * JDBC batch with the seat's member and the opening time (V213); never changed but by erasure and expiry (the member
 * becomes the pseudonym); read by the mark, the task page, the attachment downloads, the juror's progress and their
 * data export: the score task keeps no engine history of its own (issue 19, slice scoretask2).
 */
@Repository
public class ScoreTasks {

    /** The score task's BPMN id: the data export names a score task by it, as the engine's export names a task. */
    public static final String TASK = eu.smartcity.accelerator.challenge.ChallengeProcess.USER_TASK_SCORE_APPLICATION;

    /** A score task's subject: the application, on which challenge and in which round of the jury. */
    public record ScoreTask(String executionId, UUID challengeId, UUID applicationId, int round) {}

    private final JdbcTemplate jdbc;

    ScoreTasks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The score tasks a seat just opened for its member (the tasks' assignee), in one batch. */
    public void opened(String member, Instant openedAt, List<ScoreTask> tasks) {
        Timestamp at = Timestamp.from(openedAt);
        jdbc.batchUpdate("INSERT INTO jury_score_task (execution_id, challenge_id, application_id, round, member, opened_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", tasks, tasks.size(), (ps, t) -> {
                    ps.setString(1, t.executionId());
                    ps.setObject(2, t.challengeId());
                    ps.setObject(3, t.applicationId());
                    ps.setInt(4, t.round());
                    ps.setString(5, member);
                    ps.setTimestamp(6, at);
                });
    }

    /**
     * A juror's score task as the selection records it: opened when, and marked when ({@code jury_score} of the same
     * challenge, application, member and round; null while open, or if it ended unmarked).
     */
    public record OfMember(ScoreTask task, Instant openedAt, Instant scoredAt) {}

    /** The member's score tasks (those recorded with their member: opened from V213 on), oldest first. */
    public List<OfMember> ofMember(String member) {
        return jdbc.query("SELECT t.execution_id, t.challenge_id, t.application_id, t.round, t.opened_at, s.scored_at"
                + " FROM jury_score_task t LEFT JOIN jury_score s ON s.challenge_id = t.challenge_id"
                + " AND s.application_id = t.application_id AND s.member = t.member AND s.round = t.round"
                + " WHERE t.member = ? ORDER BY t.opened_at, t.execution_id", (rs, row) -> new OfMember(
                        new ScoreTask(rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getInt(4)),
                        instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))), member);
    }

    /** The member was given this application to score on this challenge (a recorded score task, open or not). */
    public boolean given(String member, UUID challengeId, UUID applicationId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM jury_score_task WHERE member = ?"
                + " AND challenge_id = ? AND application_id = ?)", Boolean.class, member, challengeId, applicationId));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    /** A score task's row, and whether this member holds an assigned seat on its challenge (one query, for the mark). */
    public record ForJuror(ScoreTask task, boolean seated) {}

    public Optional<ForJuror> findForJuror(String executionId, String member) {
        return jdbc.query("SELECT t.execution_id, t.challenge_id, t.application_id, t.round, EXISTS (SELECT 1 FROM jury_seat s"
                + " WHERE s.challenge_id = t.challenge_id AND s.member = ? AND s.status = ?) FROM jury_score_task t WHERE t.execution_id = ?",
                (rs, row) -> new ForJuror(new ScoreTask(rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getInt(4)), rs.getBoolean(5)), member, JurySeat.ASSIGNED, executionId).stream().findFirst();
    }

    public Optional<ScoreTask> find(String executionId) {
        return findAll(List.of(executionId)).values().stream().findFirst();
    }

    /** The score tasks among these executions (one query; executions of older score tasks have none). */
    public Map<String, ScoreTask> findAll(Collection<String> executionIds) {
        Map<String, ScoreTask> found = new HashMap<>();
        List<String> ids = new ArrayList<>(executionIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            jdbc.query("SELECT execution_id, challenge_id, application_id, round FROM jury_score_task WHERE execution_id IN ("
                    + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")", rs -> {
                        ScoreTask t = new ScoreTask(rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getInt(4));
                        found.put(t.executionId(), t);
                    }, chunk.toArray());
        }
        return found;
    }
}
