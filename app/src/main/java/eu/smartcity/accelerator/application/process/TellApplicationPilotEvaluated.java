package eu.smartcity.accelerator.application.process;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ThrowEvent_TellPilotEvaluated (challenge): the evaluation is done; the selected application ends as evaluated (Applications moves its Evaluating state on). */
@Component("tellPilotEvaluated")
class TellApplicationPilotEvaluated implements JavaDelegate {

    private final Applications applications;

    TellApplicationPilotEvaluated(Applications applications) {
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        applications.pilotEvaluated(ChallengeProcess.SELECTED_APPLICATION_ID.from(execution));
    }
}
