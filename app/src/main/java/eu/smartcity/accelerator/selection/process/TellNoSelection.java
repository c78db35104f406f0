package eu.smartcity.accelerator.selection.process;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** SendTask_TellNoSelection: no quorum, so no selection; every application under review ends and its company is told. */
@Component("tellNoSelection")
class TellNoSelection implements JavaDelegate {

    private final Applications applications;

    TellNoSelection(Applications applications) {
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        applications.noSelectionMade(ChallengeProcess.CHALLENGE_ID.from(execution));
    }
}
