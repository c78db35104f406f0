package eu.smartcity.accelerator.worklist;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.identity.CurrentUser;
import eu.smartcity.accelerator.selection.JuryRecords;
import eu.smartcity.accelerator.workflow.TaskCompletions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which tasks a user may see and do: those assigned to them (jury seats) and those offered to one of
 * their groups (their city or company, or the coordinators). Everything else does not exist for them,
 * so another organisation's task answers 404, not 403 — its id gives nothing away.
 */
@Service
public class MyTasks {

    private final TaskService tasks;
    private final HistoryService history;
    private final TaskCompletions completions;
    private final JuryRecords jury;
    private final Challenges challenges;

    MyTasks(TaskService tasks, HistoryService history, TaskCompletions completions, JuryRecords jury, Challenges challenges) {
        this.jury = jury;
        this.challenges = challenges;
        this.tasks = tasks;
        this.history = history;
        this.completions = completions;
    }

    public List<Task> of(CurrentUser user) {
        return query(user).orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(0, 200);
    }

    /** The user's open tasks of one kind (BPMN id), soonest due first. */
    public List<Task> ofKind(CurrentUser user, String taskDefinitionKey) {
        return query(user).taskDefinitionKey(taskDefinitionKey).orderByDueDate().asc().listPage(0, 200);
    }

    public Optional<Task> find(CurrentUser user, String taskId) {
        return Optional.ofNullable(query(user).taskId(taskId).singleResult());
    }

    public Map<String, Object> variables(Task task) {
        return tasks.getVariables(task.getId());
    }

    /**
     * Claims (so nobody else works on it meanwhile) and completes with the form's typed values; answers a
     * feature keeps in its own records (a juror's marks) never become process variables.
     */
    @Transactional
    public void complete(CurrentUser user, Task task, Map<String, Object> values) {
        if (task.getAssignee() == null) {
            tasks.claim(task.getId(), user.userId());
        }
        completions.complete(task, user.userId(), values);
    }

    /**
     * A jury member's scoring progress per challenge process: scored of assigned, e.g. 2 of 4 — every score task they
     * were given (open, marked, or ended unmarked) and those they marked, in the order the processes' first score
     * tasks opened. A score task keeps no engine history since the selection's records name its juror (V213): those
     * records count it (marked: its {@code jury_score}); an older one counts by its task history.
     */
    public List<JuryProgress> juryProgress(CurrentUser user) {
        Map<String, int[]> perProcess = new java.util.LinkedHashMap<>();
        Set<String> counted = new HashSet<>();
        for (HistoricTaskInstance scoring : history.createHistoricTaskInstanceQuery().taskAssignee(user.userId())
                .taskDefinitionKey(ChallengeProcess.USER_TASK_SCORE_APPLICATION).orderByHistoricActivityInstanceStartTime().asc().list()) {
            counted.add(scoring.getExecutionId());
            int[] counts = perProcess.computeIfAbsent(scoring.getProcessInstanceId(), id -> new int[2]);
            counts[1]++;
            if ("completed".equals(scoring.getDeleteReason())) {
                counts[0]++;
            }
        }
        Map<UUID, String> processOf = new HashMap<>();
        for (JuryRecords.JurorScoreTask scoring : jury.scoreTasksOf(user.userId())) {
            if (!counted.add(scoring.executionId())) {
                continue; // an older model version's score task: its task history counted it
            }
            String process = processOf.computeIfAbsent(scoring.challengeId(),
                    id -> challenges.find(id).map(Challenges.ChallengeView::processInstanceId).orElse(null));
            if (process == null) {
                continue;
            }
            int[] counts = perProcess.computeIfAbsent(process, id -> new int[2]);
            counts[1]++;
            if (scoring.scored()) {
                counts[0]++;
            }
        }
        List<JuryProgress> progress = new ArrayList<>();
        perProcess.forEach((process, counts) -> progress.add(new JuryProgress(process, counts[0], counts[1])));
        return progress;
    }

    public record JuryProgress(String processInstanceId, int scored, int assigned) {}

    private TaskQuery query(CurrentUser user) {
        return tasks.createTaskQuery().initializeFormKeys()
                .or().taskAssignee(user.userId()).taskCandidateGroupIn(new ArrayList<>(user.groups())).endOr()
                .active();
    }
}
