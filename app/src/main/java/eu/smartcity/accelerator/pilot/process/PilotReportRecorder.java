package eu.smartcity.accelerator.pilot.process;

import eu.smartcity.accelerator.pilot.PilotProcess;
import eu.smartcity.accelerator.pilot.internal.Pilot;
import eu.smartcity.accelerator.pilot.internal.PilotReport;
import eu.smartcity.accelerator.pilot.internal.PilotReports;
import eu.smartcity.accelerator.pilot.internal.Pilots;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each milestone report as submitted (UserTask_ReportProgress completed) and the city's review of it
 * (UserTask_ReviewProgress completed), through Camunda's Spring eventing: inside the engine's transaction,
 * without touching the process model. The review page reads the report from here.
 */
@Component
class PilotReportRecorder {

    private final Pilots pilots;
    private final PilotReports reports;

    PilotReportRecorder(Pilots pilots, PilotReports reports) {
        this.pilots = pilots;
        this.reports = reports;
    }

    @EventListener
    public void onTask(DelegateTask task) {
        if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName()) || task.getProcessDefinitionId() == null
                || !task.getProcessDefinitionId().startsWith(PilotProcess.KEY + ":")) {
            return;
        }
        if (PilotProcess.USER_TASK_REPORT_PROGRESS.equals(task.getTaskDefinitionKey())) {
            Pilot pilot = pilots.findById(PilotProcess.PILOT_ID.from(task)).orElseThrow();
            reports.save(new PilotReport(pilot.id(), pilot.milestonesDone() + 1, PilotProcess.PROGRESS.optionalFrom(task).orElse(""),
                    PilotProcess.MILESTONE_MET.optionalFrom(task).orElse(null) == PilotProcess.Answer.YES, task.getAssignee(), Instant.now()));
        } else if (PilotProcess.USER_TASK_REVIEW_PROGRESS.equals(task.getTaskDefinitionKey())) {
            List<PilotReport> all = reports.findByPilotIdOrderByMilestoneNoAscSubmittedAtAsc(PilotProcess.PILOT_ID.from(task));
            all.stream().filter(r -> r.reviewedAt() == null).reduce((first, second) -> second).ifPresent(r -> r.reviewed(
                    task.getAssignee(), Instant.now(),
                    PilotProcess.PROGRESS_DECISION.optionalFrom(task).orElse(null) == PilotProcess.ProgressDecision.CONTINUE,
                    PilotProcess.REVIEW_NOTES.optionalFrom(task).orElse(null)));
        }
    }
}
