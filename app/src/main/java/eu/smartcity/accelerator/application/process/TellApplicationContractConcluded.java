package eu.smartcity.accelerator.application.process;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ThrowEvent_TellContractConcluded (challenge): the contract process ended (signed, declined or expired); the selected application moves on with its outcome (Applications moves its Contracting state on). */
@Component("tellContractConcluded")
class TellApplicationContractConcluded implements JavaDelegate {

    private final Applications applications;

    TellApplicationContractConcluded(Applications applications) {
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        applications.contractConcluded(ChallengeProcess.SELECTED_APPLICATION_ID.from(execution), ChallengeProcess.CONTRACT_OUTCOME.from(execution));
    }
}
