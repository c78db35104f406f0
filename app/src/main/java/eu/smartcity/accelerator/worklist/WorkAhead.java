package eu.smartcity.accelerator.worklist;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.identity.CurrentUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The user's own open tasks and jury work, for the home page: the same tasks as *My tasks* ({@link MyTasks}: the
 * user's and their organisation's only), each with what it is about, soonest due first, overdue ones marked.
 */
@Service
public class WorkAhead {

    private final MyTasks myTasks;
    private final TaskSubjects subjects;
    private final TaskService tasks;
    private final HistoryService history;

    WorkAhead(MyTasks myTasks, TaskSubjects subjects, TaskService tasks, HistoryService history) {
        this.myTasks = myTasks;
        this.subjects = subjects;
        this.tasks = tasks;
        this.history = history;
    }

    /** A task to do: {@code kindName} where a language has no name for {@code taskKey}; the challenge it is about, if any. */
    public record DueTask(String taskId, String taskKey, String kindName, UUID challengeId, String title, String city,
            String company, Instant due, boolean overdue) {}

    /** The user's open tasks, soonest due first, tasks without a due date last. */
    public List<DueTask> tasks(CurrentUser user, Instant now) {
        return myTasks.of(user).stream().map(t -> {
            TaskSubject.Context c = subjects.contextOf(t);
            Instant due = t.getDueDate() == null ? null : t.getDueDate().toInstant();
            return new DueTask(t.getId(), t.getTaskDefinitionKey(), TaskNames.kindOf(t.getName()), c.challengeId(), c.title(),
                    c.city(), c.company(), due, due != null && due.isBefore(now));
        }).sorted(Comparator.comparing(DueTask::due, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    }

    /**
     * A juror's seat on one challenge's jury: applications scored of those to score, the soonest due date of the
     * scoring still open, and whether the conflict-of-interest declaration comes first.
     */
    public record JurySeatWork(UUID challengeId, int scored, int toScore, Instant deadline, boolean declarationOpen) {
        public int remaining() {
            return toScore - scored;
        }
    }

    public List<JurySeatWork> juryWork(CurrentUser user) {
        List<JurySeatWork> work = new ArrayList<>();
        for (MyTasks.JuryProgress p : myTasks.juryProgress(user)) {
            Optional<UUID> challenge = challengeOf(p.processInstanceId());
            Instant deadline = tasks.createTaskQuery().processInstanceId(p.processInstanceId()).taskAssignee(user.userId())
                    .taskDefinitionKey(ChallengeProcess.USER_TASK_SCORE_APPLICATION).active().orderByDueDate().asc().listPage(0, 1).stream()
                    .map(Task::getDueDate).filter(java.util.Objects::nonNull).map(Date::toInstant).findFirst().orElse(null);
            challenge.ifPresent(id -> work.add(new JurySeatWork(id, p.scored(), p.assigned(), deadline, false)));
        }
        // seats whose declaration is still open: no scoring task yet
        for (Task declare : myTasks.ofKind(user, ChallengeProcess.USER_TASK_DECLARE_CONFLICT)) {
            challengeOf(declare.getProcessInstanceId()).filter(id -> work.stream().noneMatch(w -> w.challengeId().equals(id)))
                    .ifPresent(id -> work.add(new JurySeatWork(id, 0, 0,
                            declare.getDueDate() == null ? null : declare.getDueDate().toInstant(), true)));
        }
        return work;
    }

    private Optional<UUID> challengeOf(String processInstanceId) {
        HistoricVariableInstance variable = history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName(ChallengeProcess.CHALLENGE_ID.name()).disableCustomObjectDeserialization().list().stream().findFirst()
                .orElse(null);
        try {
            return variable == null ? Optional.empty() : Optional.ofNullable(ChallengeProcess.CHALLENGE_ID.read(variable.getValue()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
