package eu.smartcity.accelerator.contract.process;

import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.challenge.ChallengeProcess.ContractOutcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Message end event EndEvent_ContractSigned: tells the caller (challenge, replication) the contract is signed. */
@Component("reportContractSigned")
class ReportContractSigned implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        ContractProcess.CONTRACT_OUTCOME.set(execution, ContractOutcome.SIGNED);
    }
}
