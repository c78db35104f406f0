package eu.smartcity.accelerator.contract.process;

import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.challenge.ChallengeProcess.ContractOutcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Message end events of the expiry paths (company or city signature window, negotiation): tells the caller the contract expired unsigned. */
@Component("reportContractExpired")
class ReportContractExpired implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        ContractProcess.CONTRACT_OUTCOME.set(execution, ContractOutcome.EXPIRED);
    }
}
