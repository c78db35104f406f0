package eu.smartcity.accelerator.application.process;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ThrowEvent_TellPilotEnded (challenge): the pilot ended; the selected application is being evaluated (Applications moves its Piloting state on). */
@Component("tellPilotEnded")
class TellApplicationPilotEnded implements JavaDelegate {

    private final Applications applications;

    TellApplicationPilotEnded(Applications applications) {
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        applications.pilotEnded(ChallengeProcess.SELECTED_APPLICATION_ID.from(execution));
    }
}
