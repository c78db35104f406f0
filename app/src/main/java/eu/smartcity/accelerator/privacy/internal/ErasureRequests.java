package eu.smartcity.accelerator.privacy.internal;

import eu.smartcity.accelerator.identity.People;
import eu.smartcity.accelerator.privacy.ErasureRequestProcess;
import eu.smartcity.accelerator.privacy.ErasureRequestProcess.ErasureDecision;
import eu.smartcity.accelerator.privacy.ErasureRequestProcess.RefusalGround;
import eu.smartcity.accelerator.workflow.TaskCompletions;
import eu.smartcity.accelerator.workflow.Variable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure requests (table {@code erasure_request}): asked by the person, decided by a coordinator within one month,
 * carried out by the {@code personal-data-erasure} process. Who asked and their reason live only here, and are
 * cleared once the person is erased.
 */
@Service
public class ErasureRequests {

    /** GDPR art. 12(3): "within one month of receipt of the request". */
    public static final Duration DECISION_PERIOD = Duration.ofDays(30);
    public static final int MAX_TEXT = 2000;

    /** ERASING: decided, the confirmation and the erasure are on their way (asynchronous steps). */
    public enum Status { REQUESTED, ERASING, REFUSED, ERASED }

    public record Request(UUID id, String userId, String reason, Instant requestedAt, Instant dueAt, Status status,
            Instant decidedAt, String decidedBy, RefusalGround refusalGround, String refusalText) {

        /** The short name task lists and mails use: no personal data. */
        public String title() {
            return "Erasure request " + id.toString().substring(0, 8);
        }
    }

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final TaskCompletions completions;
    private final ErasureOrchestration erasure;
    private final People people;
    private final Clock clock = Clock.systemUTC();

    ErasureRequests(JdbcTemplate jdbc, RuntimeService runtime, TaskService tasks, TaskCompletions completions,
            ErasureOrchestration erasure, People people) {
        this.jdbc = JdbcClient.create(jdbc);
        this.runtime = runtime;
        this.tasks = tasks;
        this.completions = completions;
        this.erasure = erasure;
        this.people = people;
    }

    /** Records the request and starts its process; empty, or the message key of why not (one open request at a time). */
    @Transactional
    public Optional<String> request(String userId, String reason) {
        if (people.find(userId).isEmpty()) {
            return Optional.of("privacy.erasure.error.noAccount");
        }
        if (openFor(userId).isPresent()) {
            return Optional.of("privacy.erasure.error.pending");
        }
        String text = reason == null || reason.isBlank() ? null : reason.strip();
        if (text != null && text.length() > MAX_TEXT) {
            return Optional.of("privacy.erasure.error.tooLong");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant due = now.plus(DECISION_PERIOD);
        jdbc.sql("INSERT INTO erasure_request (id, user_id, reason, requested_at, due_at, status) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, userId, text, at(now), at(due), Status.REQUESTED.name()).update();
        Request request = get(id).orElseThrow();
        Map<String, Object> variables = new LinkedHashMap<>();
        put(variables, ErasureRequestProcess.REQUEST_ID, id);
        put(variables, ErasureRequestProcess.DUE_AT, Date.from(due));
        put(variables, ErasureRequestProcess.SUBJECT_TITLE, request.title());
        String processId = runtime.startProcessInstanceByKey(ErasureRequestProcess.KEY, id.toString(), variables).getId();
        jdbc.sql("UPDATE erasure_request SET process_instance_id = ? WHERE id = ?").params(processId, id).update();
        return Optional.empty();
    }

    public Optional<Request> openFor(String userId) {
        return jdbc.sql("SELECT * FROM erasure_request WHERE user_id = ? AND status IN (?, ?)")
                .params(userId, Status.REQUESTED.name(), Status.ERASING.name())
                .query(this::row).optional();
    }

    /** The open requests, the oldest (closest to its deadline) first. */
    public List<Request> open() {
        return jdbc.sql("SELECT * FROM erasure_request WHERE status = ? ORDER BY due_at").param(Status.REQUESTED.name()).query(this::row).list();
    }

    public Optional<Request> get(UUID id) {
        return jdbc.sql("SELECT * FROM erasure_request WHERE id = ?").param(id).query(this::row).optional();
    }

    /** The open task of the request, for the coordinator page and Tasklist alike. */
    public Optional<Task> task(UUID id) {
        return Optional.ofNullable(tasks.createTaskQuery().processInstanceBusinessKey(id.toString())
                .taskDefinitionKey(ErasureRequestProcess.USER_TASK_DECIDE).singleResult());
    }

    /**
     * A coordinator's decision from the portal: the explanation goes into the request (not into a variable), then the
     * task completes as Tasklist would complete it. Empty, or the message key of why not.
     */
    @Transactional
    public Optional<String> decide(UUID id, String coordinator, ErasureDecision decision, RefusalGround ground, String explanation) {
        Optional<Task> task = task(id);
        if (task.isEmpty()) {
            return Optional.of("privacy.requests.error.decided");
        }
        if (decision == null || decision == ErasureDecision.REFUSE && ground == null) {
            return Optional.of("privacy.requests.error.ground");
        }
        String text = explanation == null || explanation.isBlank() ? null : explanation.strip();
        if (text != null && text.length() > MAX_TEXT) {
            return Optional.of("privacy.erasure.error.tooLong");
        }
        jdbc.sql("UPDATE erasure_request SET refusal_text = ?, decided_by = ? WHERE id = ?")
                .params(decision == ErasureDecision.REFUSE ? text : null, coordinator, id).update();
        Map<String, Object> variables = new LinkedHashMap<>();
        put(variables, ErasureRequestProcess.DECISION, decision);
        if (decision == ErasureDecision.REFUSE) {
            put(variables, ErasureRequestProcess.REFUSAL_GROUND, ground);
        }
        completions.complete(task.get(), coordinator, variables);
        return Optional.empty();
    }

    /** The decision as the task completed (portal or Tasklist): who, when, which ground. */
    @Transactional
    public void recordDecision(UUID id, String coordinator, ErasureDecision decision, RefusalGround ground) {
        jdbc.sql("UPDATE erasure_request SET decided_at = ?, decided_by = COALESCE(?, decided_by), refusal_ground = ?, status = ? WHERE id = ?")
                .params(at(clock.instant()), coordinator, decision == ErasureDecision.REFUSE && ground != null ? ground.name() : null,
                        decision == ErasureDecision.REFUSE ? Status.REFUSED.name() : Status.ERASING.name(), id)
                .update();
    }

    /** Erases the person who asked, then forgets who that was: the request keeps its dates, decision and record. */
    @Transactional
    public Map<String, Map<String, Integer>> erase(UUID id) {
        Request request = get(id).orElseThrow();
        if (request.status() == Status.ERASED) {
            return Map.of(); // a retried job after the erasure committed
        }
        ErasureOrchestration.Erasure done = erasure.erase(request.userId(), "request",
                request.decidedBy() == null ? ErasureOrchestration.SYSTEM : request.decidedBy());
        jdbc.sql("UPDATE erasure_request SET user_id = NULL, reason = NULL, status = ?, erasure_record_id = ? WHERE id = ?")
                .params(Status.ERASED.name(), done.recordId(), id).update();
        return done.counts();
    }

    private <T> void put(Map<String, Object> variables, Variable<T> variable, T value) {
        variables.put(variable.name(), variable.stored(value));
    }

    private Request row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String ground = rs.getString("refusal_ground");
        return new Request(rs.getObject("id", UUID.class), rs.getString("user_id"), rs.getString("reason"),
                instant(rs, "requested_at"), instant(rs, "due_at"), Status.valueOf(rs.getString("status")),
                instant(rs, "decided_at"), rs.getString("decided_by"), ground == null ? null : RefusalGround.valueOf(ground),
                rs.getString("refusal_text"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
