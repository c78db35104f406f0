package eu.smartcity.accelerator.contract.process;

import static eu.smartcity.accelerator.contract.ContractProcess.AGREED_CHANGES;
import static eu.smartcity.accelerator.contract.ContractProcess.DRAFT_DECISION;
import static eu.smartcity.accelerator.contract.ContractProcess.REQUESTED_CHANGES;

import eu.smartcity.accelerator.contract.ContractDocuments;
import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.contract.ContractProcess.DraftDecision;
import eu.smartcity.accelerator.contract.internal.Contract;
import eu.smartcity.accelerator.contract.internal.Contracts;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Complete listener of the negotiation tasks: requested and answered changes are kept. */
@Component("recordNegotiation")
class RecordNegotiation implements TaskListener {

    private final Contracts contracts;
    private final ContractDocuments documents;

    RecordNegotiation(Contracts contracts, ContractDocuments documents) {
        this.contracts = contracts;
        this.documents = documents;
    }

    @Override
    public void notify(DelegateTask task) {
        Contract contract = ContractSteps.find(contracts, task);
        if (task.getTaskDefinitionKey().equals(ContractProcess.USER_TASK_REVIEW_DRAFT)) {
            String changes = REQUESTED_CHANGES.optionalFrom(task).orElse("");
            // without changes the form's decision rules (forms.DecisionRules) refuse the completion
            if (DRAFT_DECISION.optionalFrom(task).orElse(null) == DraftDecision.REQUEST_CHANGES && !changes.isBlank()) {
                documents.checkChanges(contract.id(), REQUESTED_CHANGES.name(), changes);
                contract.changesRequested(changes);
            }
        } else {
            String text = AGREED_CHANGES.optionalFrom(task).orElse("");
            // lines like "C5: new text", "C9: removed", "+C5a Title: text" change clauses; other lines are remarks
            documents.checkChanges(contract.id(), AGREED_CHANGES.name(), text);
            contract.changesAnswered(text);
            contract.clauseChangesAgreed(text);
        }
    }
}
