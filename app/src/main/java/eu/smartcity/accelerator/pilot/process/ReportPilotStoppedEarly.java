package eu.smartcity.accelerator.pilot.process;

import eu.smartcity.accelerator.pilot.PilotProcess;
import eu.smartcity.accelerator.challenge.ChallengeProcess.PilotOutcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Message end event EndEvent_PilotStoppedEarly: tells the caller the city stopped the pilot early. */
@Component("reportPilotStoppedEarly")
class ReportPilotStoppedEarly implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        PilotProcess.PILOT_OUTCOME.set(execution, PilotOutcome.STOPPED_EARLY);
    }
}
