package eu.smartcity.accelerator.contract.process;

import eu.smartcity.accelerator.contract.internal.Contracts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_RecordExpiry, ServiceTask_RecordCitySignatureExpiry, ServiceTask_RecordNegotiationLapsed: a deadline
 * passed (company signature, city signature, negotiation): the contract case says EXPIRED.
 */
@Component("recordExpiry")
class RecordExpiry implements JavaDelegate {

    private final Contracts contracts;

    RecordExpiry(Contracts contracts) {
        this.contracts = contracts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ContractSteps.find(contracts, execution).expired();
    }
}
