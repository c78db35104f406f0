package eu.smartcity.accelerator.contract.process;

import static eu.smartcity.accelerator.contract.ContractProcess.APPLICATION_ID;
import static eu.smartcity.accelerator.contract.ContractProcess.CHALLENGE_ID;
import static eu.smartcity.accelerator.contract.ContractProcess.CITY_GROUP;
import static eu.smartcity.accelerator.contract.ContractProcess.COMPANY_GROUP;
import static eu.smartcity.accelerator.contract.ContractProcess.CONTRACT_ID;
import static eu.smartcity.accelerator.contract.ContractProcess.ORIGINAL_CONTRACT_ID;

import eu.smartcity.accelerator.contract.internal.Contract;
import eu.smartcity.accelerator.contract.internal.Contracts;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_DraftContract: the contract case is opened from the template (once: a retry finds it). A replication's
 * contract starts from the original case's contract: its agreed changes to the template carry over.
 */
@Component("draftContract")
class DraftContract implements JavaDelegate {

    private final Contracts contracts;

    DraftContract(Contracts contracts) {
        this.contracts = contracts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID id = CONTRACT_ID.from(execution);
        if (contracts.existsById(id)) {
            return;
        }
        UUID original = ORIGINAL_CONTRACT_ID.optionalFrom(execution).orElse(null);
        Contract contract = new Contract(id, CHALLENGE_ID.from(execution), APPLICATION_ID.from(execution), original,
                CITY_GROUP.from(execution), COMPANY_GROUP.from(execution));
        if (original != null) {
            contracts.findById(original).ifPresent(o -> contract.clauseChangesAgreed(o.clauseChanges()));
        }
        contracts.save(contract);
    }
}
