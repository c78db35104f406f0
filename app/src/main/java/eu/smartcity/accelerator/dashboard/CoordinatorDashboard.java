package eu.smartcity.accelerator.dashboard;

import java.time.Instant;
import java.util.Date;
import java.util.List;
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

    CoordinatorDashboard(CoordinatorWatch watch, TaskService tasks, RuntimeService runtime) {
        this.watch = watch;
        this.tasks = tasks;
        this.runtime = runtime;
    }

    @GetMapping("/coordinator")
    String dashboard(Model model) {
        Instant now = Instant.now();
        CoordinatorWatch.Summary summary = watch.summary(now);
        model.addAttribute("summary", summary);
        model.addAttribute("cycles", watch.stages(now, true));
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
