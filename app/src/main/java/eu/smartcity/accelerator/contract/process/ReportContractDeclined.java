package eu.smartcity.accelerator.contract.process;

import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.challenge.ChallengeProcess.ContractOutcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Message end event EndEvent_ContractDeclined: tells the caller the city declined to sign. */
@Component("reportContractDeclined")
class ReportContractDeclined implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        ContractProcess.CONTRACT_OUTCOME.set(execution, ContractOutcome.DECLINED);
    }
}
