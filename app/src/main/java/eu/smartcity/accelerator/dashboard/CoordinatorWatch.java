package eu.smartcity.accelerator.dashboard;

import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.notification.NotificationDispatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;

/**
 * What needs the coordinator's eye, for the dashboard and its summary on the home page: deadlines of the coming
 * week (calls closing, tasks due), overdue tasks, open incidents, undelivered mail, each cycle's challenges per stage.
 */
@Service
public class CoordinatorWatch {

    static final Duration WEEK = Duration.ofDays(7);
    /** Enough to act on; the full lists are in Tasklist and Cockpit. */
    static final int SHOWN = 25;

    private final Cycles cycles;
    private final Challenges challenges;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final NotificationDispatcher mail;

    CoordinatorWatch(Cycles cycles, Challenges challenges, TaskService tasks, RuntimeService runtime, NotificationDispatcher mail) {
        this.cycles = cycles;
        this.challenges = challenges;
        this.tasks = tasks;
        this.runtime = runtime;
        this.mail = mail;
    }

    /** A call closing or a task falling due: {@code taskKey} null for a call. */
    public record Deadline(Instant at, String title, String taskKey, String taskName, String taskId, UUID challengeId) {
        public boolean isCall() {
            return taskKey == null;
        }
    }

    public record Summary(long openTasks, long overdueTasks, long incidents, NotificationDispatcher.UndeliveredCounts mail,
            List<Deadline> deadlinesThisWeek, long deadlinesThisWeekCount) {}

    /** A cycle's challenges per stage, as counts and as a chart, and its calls still open. */
    public record CycleStages(Cycles.CycleView cycle, Map<String, Long> perStage, BarChart chart,
            List<Challenges.ChallengeView> openCalls) {}

    public Summary summary(Instant now) {
        Date from = Date.from(now);
        Date weekEnd = Date.from(now.plus(WEEK));
        List<Deadline> calls = challenges.published().stream()
                .filter(c -> c.callClosesAt() != null && !c.callClosesAt().isBefore(now) && c.callClosesAt().isBefore(now.plus(WEEK)))
                .map(c -> new Deadline(c.callClosesAt(), c.title(), null, null, null, c.id())).toList();
        long tasksDue = tasks.createTaskQuery().active().dueAfter(from).dueBefore(weekEnd).count();
        List<Deadline> due = tasks.createTaskQuery().active().dueAfter(from).dueBefore(weekEnd).orderByDueDate().asc()
                .listPage(0, SHOWN).stream()
                .map(t -> new Deadline(t.getDueDate().toInstant(), null, t.getTaskDefinitionKey(), t.getName(), t.getId(), null))
                .toList();
        List<Deadline> week = java.util.stream.Stream.concat(calls.stream(), due.stream())
                .sorted(Comparator.comparing(Deadline::at)).limit(SHOWN).toList();
        return new Summary(tasks.createTaskQuery().active().count(), tasks.createTaskQuery().active().dueBefore(from).count(),
                runtime.createIncidentQuery().count(), mail.undeliveredCounts(), week, calls.size() + tasksDue);
    }

    /** Every cycle still open (closed ones only when {@code includingClosed}), with its stage counts. */
    public List<CycleStages> stages(Instant now, boolean includingClosed) {
        return cycles.all().stream().filter(c -> includingClosed || "OPEN".equals(c.status())).map(cycle -> {
            List<Challenges.ChallengeView> ofCycle = challenges.ofCycle(cycle.id());
            Map<String, Long> perStage = ProgrammeFigures.stageCounts(ofCycle);
            return new CycleStages(cycle, perStage, ProgrammeFigures.stageChart("stages-" + cycle.id(), perStage),
                    ofCycle.stream().filter(c -> c.acceptsApplications(now)).toList());
        }).toList();
    }
}
