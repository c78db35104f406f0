package eu.smartcity.accelerator.notification.process;

import eu.smartcity.accelerator.cycle.CycleProcess;
import eu.smartcity.accelerator.identity.Roles;
import eu.smartcity.accelerator.notification.NotificationKind;
import eu.smartcity.accelerator.notification.internal.NotificationRecorder;
import eu.smartcity.accelerator.notification.internal.Recipients;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The escalation send tasks (SendTask_AlertCoordinators… in accelerator-cycle and framework-join): a wait passed its
 * bylaws deadline, so every coordinator gets a DEADLINE_MISSED mail naming the step (the task's input {@code missedStep})
 * and what it concerns (the process's {@code subjectTitle}, else its business key). Once per firing: the dedup key is
 * this activity instance.
 */
@Component("alertCoordinators")
class AlertCoordinatorsOfMissedDeadline implements JavaDelegate {

    private final NotificationRecorder recorder;
    private final Recipients recipients;

    AlertCoordinatorsOfMissedDeadline(NotificationRecorder recorder, Recipients recipients) {
        this.recorder = recorder;
        this.recipients = recipients;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // the same input and title in every process that escalates (declared in each contract; read through the cycle's)
        String step = CycleProcess.MISSED_STEP.optionalFromLocal(execution).orElse("");
        String title = CycleProcess.SUBJECT_TITLE.optionalFrom(execution).orElse(execution.getProcessBusinessKey());
        recorder.record(NotificationKind.DEADLINE_MISSED, null, execution.getActivityInstanceId(), recipients.ofGroup(Roles.COORDINATORS),
                title, step);
    }
}
