package eu.smartcity.accelerator.dashboard;

import eu.smartcity.accelerator.challenge.ChallengeStage;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The coordinator's view of the programme: each cycle with its challenges per stage and their call
 * deadlines, the overdue user tasks of every process and the open incidents. It only points at the
 * work: the work itself is done in Tasklist, and incidents are resolved in Cockpit (linked).
 */
@Controller
class CoordinatorDashboard {

    /** Enough to act on; the full lists are in Tasklist and Cockpit. */
    static final int SHOWN = 25;

    private final Cycles cycles;
    private final Challenges challenges;
    private final TaskService tasks;
    private final RuntimeService runtime;

    CoordinatorDashboard(Cycles cycles, Challenges challenges, TaskService tasks, RuntimeService runtime) {
        this.cycles = cycles;
        this.challenges = challenges;
        this.tasks = tasks;
        this.runtime = runtime;
    }

    record CycleOverview(Cycles.CycleView cycle, Map<ChallengeStage, Long> challengesPerStage, List<Challenges.ChallengeView> openCalls) {}

    @GetMapping("/coordinator")
    String dashboard(Model model) {
        Instant now = Instant.now();
        List<CycleOverview> overviews = cycles.all().stream().map(cycle -> {
            List<Challenges.ChallengeView> ofCycle = challenges.ofCycle(cycle.id());
            // in the order of a challenge's life
            Map<ChallengeStage, Long> perStage = ofCycle.stream().collect(Collectors.groupingBy(Challenges.ChallengeView::stage,
                    () -> new EnumMap<>(ChallengeStage.class), Collectors.counting()));
            List<Challenges.ChallengeView> openCalls = ofCycle.stream().filter(c -> c.acceptsApplications(now)).toList();
            return new CycleOverview(cycle, perStage, openCalls);
        }).toList();
        model.addAttribute("cycles", overviews);
        model.addAttribute("openTaskCount", tasks.createTaskQuery().active().count());
        Date nowDate = Date.from(now);
        model.addAttribute("overdueCount", tasks.createTaskQuery().active().dueBefore(nowDate).count());
        List<Task> overdue = tasks.createTaskQuery().active().dueBefore(nowDate).orderByDueDate().asc().listPage(0, SHOWN);
        model.addAttribute("overdue", overdue);
        model.addAttribute("incidentCount", runtime.createIncidentQuery().count());
        List<Incident> incidents = runtime.createIncidentQuery().orderByIncidentTimestamp().desc().listPage(0, SHOWN);
        model.addAttribute("incidents", incidents);
        return "dashboard/coordinator";
    }
}
