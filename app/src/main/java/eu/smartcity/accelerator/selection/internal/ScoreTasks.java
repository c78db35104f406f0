package eu.smartcity.accelerator.selection.internal;

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
 * JDBC batch; never changed; read by the mark, the task page and the attachment downloads.
 */
@Repository
public class ScoreTasks {

    /** A score task's subject: the application, on which challenge and in which round of the jury. */
    public record ScoreTask(String executionId, UUID challengeId, UUID applicationId, int round) {}

    private final JdbcTemplate jdbc;

    ScoreTasks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The score tasks a seat just opened, in one batch. */
    public void opened(List<ScoreTask> tasks) {
        jdbc.batchUpdate("INSERT INTO jury_score_task (execution_id, challenge_id, application_id, round) VALUES (?, ?, ?, ?)",
                tasks, tasks.size(), (ps, t) -> {
                    ps.setString(1, t.executionId());
                    ps.setObject(2, t.challengeId());
                    ps.setObject(3, t.applicationId());
                    ps.setInt(4, t.round());
                });
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
