package eu.smartcity.accelerator.pilot.process;

import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.pilot.PilotProcess;
import eu.smartcity.accelerator.pilot.internal.Pilot;
import eu.smartcity.accelerator.pilot.internal.Pilots;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The replication step still defined here (the replication process gets its own contract and named steps in its
 * own slice); the pilot's steps are one class each in this package.
 */
@Configuration(proxyBeanMethods = false)
class PilotDelegates {

    /** ServiceTask_PrepareReplication: a new contract and pilot for the adopting city, linked to the original. */
    @Bean
    JavaDelegate prepareReplication(Pilots pilots, eu.smartcity.accelerator.contract.ContractDocuments contracts) {
        return execution -> {
            Pilot original = pilots.findById(PilotProcess.ORIGINAL_PILOT_ID.from(execution))
                    .orElseThrow(() -> new NoSuchElementException("No pilot " + PilotProcess.ORIGINAL_PILOT_ID.from(execution)));
            // the new contract starts from the original case's contract (its changes to the template) and links to it;
            // pilots made before they recorded their contract find it through the contract module
            UUID originalContract = original.contractId() != null ? original.contractId()
                    : contracts.signedContractOf(original.challengeId(), original.applicationId()).orElse(null);
            if (originalContract != null) {
                ContractProcess.ORIGINAL_CONTRACT_ID.set(execution, originalContract);
            }
            PilotProcess.CHALLENGE_ID.set(execution, original.challengeId());
            PilotProcess.APPLICATION_ID.set(execution, original.applicationId());
            PilotProcess.CONTRACT_ID.set(execution, UUID.randomUUID());
            PilotProcess.PILOT_ID.set(execution, UUID.randomUUID());
        };
    }
}
