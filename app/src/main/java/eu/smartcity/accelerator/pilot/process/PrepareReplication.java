package eu.smartcity.accelerator.pilot.process;

import eu.smartcity.accelerator.pilot.ReplicationProcess;
import static eu.smartcity.accelerator.pilot.ReplicationProcess.ORIGINAL_PILOT_ID;

import eu.smartcity.accelerator.contract.ContractDocuments;
import eu.smartcity.accelerator.pilot.internal.Pilot;
import eu.smartcity.accelerator.pilot.internal.Pilots;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The replication's ServiceTask_PrepareReplication: a new contract and pilot for the adopting city, linked to the
 * original (the challenge and application of the original case; the original's contract, which the new one starts
 * from), with fresh ids that the call activities use as business keys.
 */
@Component("prepareReplication")
class PrepareReplication implements JavaDelegate {

    private final Pilots pilots;
    private final ContractDocuments contracts;

    PrepareReplication(Pilots pilots, ContractDocuments contracts) {
        this.pilots = pilots;
        this.contracts = contracts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID originalId = ORIGINAL_PILOT_ID.from(execution);
        Pilot original = pilots.findById(originalId).orElseThrow(() -> new NoSuchElementException("No pilot " + originalId));
        // the new contract starts from the original case's contract (its changes to the template) and links to it;
        // pilots made before they recorded their contract find it through the contract module
        UUID originalContract = original.contractId() != null ? original.contractId()
                : contracts.signedContractOf(original.challengeId(), original.applicationId()).orElse(null);
        if (originalContract != null) {
            ReplicationProcess.ORIGINAL_CONTRACT_ID.set(execution, originalContract);
        }
        ReplicationProcess.CHALLENGE_ID.set(execution, original.challengeId());
        ReplicationProcess.APPLICATION_ID.set(execution, original.applicationId());
        ReplicationProcess.CONTRACT_ID.set(execution, UUID.randomUUID());
        ReplicationProcess.PILOT_ID.set(execution, UUID.randomUUID());
    }
}
