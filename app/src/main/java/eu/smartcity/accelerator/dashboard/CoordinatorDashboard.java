package eu.smartcity.accelerator.dashboard;

import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.selection.JuryRecords;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The coordinator's view of the programme: the week's deadlines, overdue user tasks, open incidents and
 * undelivered mail, and each cycle with its challenges per stage (a chart and the same numbers as a table). It
 * only points at the work: the work itself is done in Tasklist, incidents are resolved in Cockpit (linked).
 */
@Controller
class CoordinatorDashboard {

    private final CoordinatorWatch watch;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final JuryRecords jury;
    private final Challenges challenges;

    CoordinatorDashboard(CoordinatorWatch watch, TaskService tasks, RuntimeService runtime, JuryRecords jury,
            Challenges challenges) {
        this.watch = watch;
        this.tasks = tasks;
        this.runtime = runtime;
        this.jury = jury;
        this.challenges = challenges;
    }

    /** A selection approved beyond a quota of the bylaws, with its challenge's title. */
    record QuotaOverrideLine(String challengeTitle, JuryRecords.QuotaOverride override) {}

    @GetMapping("/coordinator")
    String dashboard(Model model) {
        Instant now = Instant.now();
        CoordinatorWatch.Summary summary = watch.summary(now);
        model.addAttribute("summary", summary);
        List<CoordinatorWatch.CycleStages> stages = watch.stages(now, true);
        model.addAttribute("cycles", stages);
        Map<UUID, List<QuotaOverrideLine>> quotaOverrides = new HashMap<>();
        for (CoordinatorWatch.CycleStages cycle : stages) {
            quotaOverrides.put(cycle.cycle().id(), jury.quotaOverridesOfCycle(cycle.cycle().id()).stream()
                    .map(o -> new QuotaOverrideLine(challenges.find(o.challengeId()).map(Challenges.ChallengeView::title)
                            .orElse(""), o)).toList());
        }
        model.addAttribute("quotaOverrides", quotaOverrides);
        model.addAttribute("openTaskCount", summary.openTasks());
        model.addAttribute("overdueCount", summary.overdueTasks());
        List<Task> overdue = tasks.createTaskQuery().active().dueBefore(Date.from(now)).orderByDueDate().asc()
                .listPage(0, CoordinatorWatch.SHOWN);
        model.addAttribute("overdue", overdue);
        model.addAttribute("incidentCount", summary.incidents());
        List<Incident> incidents = runtime.createIncidentQuery().orderByIncidentTimestamp().desc().listPage(0, CoordinatorWatch.SHOWN);
        model.addAttribute("incidents", incidents);
        return "dashboard/coordinator";
    }
}
