package eu.smartcity.accelerator.contract.process;

import static eu.smartcity.accelerator.contract.ContractProcess.CITY_DECISION;
import static eu.smartcity.accelerator.contract.ContractProcess.COMPANY_SIGNS;
import static eu.smartcity.accelerator.contract.ContractProcess.DECLINE_REASON;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.contract.ContractDocuments;
import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.contract.ContractProcess.CityDecision;
import eu.smartcity.accelerator.contract.internal.Contract;
import eu.smartcity.accelerator.contract.internal.Contracts;
import eu.smartcity.accelerator.shared.RuleViolationException;
import eu.smartcity.accelerator.workflow.EngineAuthentication;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Complete listener of both signature tasks: who accepted (or declined, and why), and when. */
@Component("recordSignature")
class RecordSignature implements TaskListener {

    private final Contracts contracts;
    private final EngineAuthentication engine;
    private final ContractDocuments documents;
    private final Applications applications;

    RecordSignature(Contracts contracts, EngineAuthentication engine, ContractDocuments documents, Applications applications) {
        this.contracts = contracts;
        this.engine = engine;
        this.documents = documents;
        this.applications = applications;
    }

    @Override
    public void notify(DelegateTask task) {
        Contract contract = ContractSteps.find(contracts, task);
        String who = ContractSteps.actor(engine, task);
        String from = ContractSteps.remoteAddress();
        if (task.getTaskDefinitionKey().equals(ContractProcess.USER_TASK_SIGN_AS_COMPANY)) {
            if (!COMPANY_SIGNS.optionalFrom(task).orElse(false)) {
                throw new RuleViolationException(COMPANY_SIGNS.name(), "contract.error.companySigns",
                        "tick the box to accept this contract (or let the signature window run out)");
            }
            documents.recordDecision(contract.id(), "COMPANY", true, who, from, null);
            contract.acceptedByCompany(who, Instant.now());
            // the application follows its own contract (a replication's leaves it be; a contract process run
            // on its own, as in its process tests, has none)
            if (contract.originalContractId() == null && applications.find(contract.applicationId()).isPresent()) {
                applications.companySigned(contract.applicationId());
            }
        } else if (CITY_DECISION.optionalFrom(task).orElse(null) == CityDecision.SIGN) {
            documents.recordDecision(contract.id(), "CITY", true, who, from, null);
            contract.acceptedByCity(who, Instant.now());
        } else {
            // declined: the decision rules (forms.DecisionRules) refuse it without a reason
            String reason = DECLINE_REASON.optionalFrom(task).orElse("");
            documents.recordDecision(contract.id(), "CITY", false, who, from, reason);
            contract.declinedByCity(who, reason);
        }
    }
}
