package eu.smartcity.accelerator.contract.process;

import static eu.smartcity.accelerator.contract.ContractProcess.COMPLIANCE_DECISION;
import static eu.smartcity.accelerator.contract.ContractProcess.COMPLIANCE_REMARKS;

import eu.smartcity.accelerator.contract.ContractDocuments;
import eu.smartcity.accelerator.contract.ContractProcess.ComplianceDecision;
import eu.smartcity.accelerator.contract.internal.Contract;
import eu.smartcity.accelerator.contract.internal.Contracts;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Complete listener of the compliance check: found compliant, the PDF both parties will accept is frozen. */
@Component("recordCompliance")
class RecordCompliance implements TaskListener {

    private final ContractDocuments documents;
    private final Contracts contracts;

    RecordCompliance(ContractDocuments documents, Contracts contracts) {
        this.documents = documents;
        this.contracts = contracts;
    }

    @Override
    public void notify(DelegateTask task) {
        Contract contract = ContractSteps.find(contracts, task);
        if (COMPLIANCE_DECISION.optionalFrom(task).orElse(null) == ComplianceDecision.COMPLIES) {
            documents.freeze(contract.id());
            contract.compliant();
        } else {
            documents.unfreeze(contract.id());
            contract.notCompliant(COMPLIANCE_REMARKS.optionalFrom(task).orElse(null));
        }
    }
}
