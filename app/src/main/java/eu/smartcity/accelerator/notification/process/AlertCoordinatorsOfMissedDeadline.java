package eu.smartcity.accelerator.notification.process;

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
        Object step = execution.getVariableLocal("missedStep");
        Object title = execution.getVariable("subjectTitle");
        recorder.record(NotificationKind.DEADLINE_MISSED, null, execution.getActivityInstanceId(), recipients.ofGroup(Roles.COORDINATORS),
                title != null ? title.toString() : execution.getProcessBusinessKey(), step == null ? "" : step.toString());
    }
}
