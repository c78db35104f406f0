package eu.smartcity.accelerator.pilot.process;

import eu.smartcity.accelerator.pilot.PilotProcess;
import eu.smartcity.accelerator.challenge.ChallengeProcess.PilotOutcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Message end event EndEvent_PilotCompleted: tells the caller (challenge, replication) the pilot was completed. */
@Component("reportPilotCompleted")
class ReportPilotCompleted implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        PilotProcess.PILOT_OUTCOME.set(execution, PilotOutcome.COMPLETED);
    }
}
