package eu.smartcity.accelerator.contract.process;

import static eu.smartcity.accelerator.workflow.ProcessVariables.required;

import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.contract.internal.Contract;
import eu.smartcity.accelerator.contract.internal.Contracts;
import eu.smartcity.accelerator.opendata.OcdsFacts;
import eu.smartcity.accelerator.opendata.OcdsPublisher;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.identity.Organisations;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Steps of the contract process; every acceptance and decline is recorded with who and when. */
@Configuration(proxyBeanMethods = false)
class ContractDelegates {

    @Bean
    JavaDelegate draftContract(Contracts contracts) {
        return execution -> {
            UUID id = UUID.fromString(required(execution, ContractProcess.CONTRACT_ID));
            if (!contracts.existsById(id)) {
                Object original = execution.getVariable("originalContractId");
                contracts.save(new Contract(id, UUID.fromString(required(execution, "challengeId")),
                        UUID.fromString(required(execution, "applicationId")),
                        original == null ? null : UUID.fromString(original.toString()),
                        required(execution, "cityGroup"), required(execution, "companyGroup")));
            }
        };
    }

    /** Complete listener of the negotiation tasks: requested and answered changes are kept. */
    @Bean
    TaskListener recordNegotiation(Contracts contracts) {
        return task -> {
            Contract contract = find(contracts, task);
            if (task.getTaskDefinitionKey().equals(ContractProcess.USER_TASK_REVIEW_DRAFT)) {
                if (!Boolean.TRUE.equals(task.getVariable(ContractProcess.COMPANY_AGREES))) {
                    Object changes = task.getVariable(ContractProcess.REQUESTED_CHANGES);
                    if (changes == null || changes.toString().isBlank()) {
                        throw new IllegalArgumentException("requestedChanges: say which clauses should change");
                    }
                    contract.changesRequested(changes.toString());
                }
            } else {
                Object agreed = task.getVariable(ContractProcess.AGREED_CHANGES);
                contract.changesAnswered(agreed == null ? "" : agreed.toString());
            }
        };
    }

    /** Complete listener of both signature tasks: who accepted (or declined, and why), and when. */
    @Bean
    TaskListener recordSignature(Contracts contracts, IdentityService identity) {
        return task -> {
            Contract contract = find(contracts, task);
            String who = actor(identity, task);
            if (task.getTaskDefinitionKey().equals(ContractProcess.USER_TASK_SIGN_AS_COMPANY)) {
                contract.acceptedByCompany(who, Instant.now());
            } else if (Boolean.TRUE.equals(task.getVariable(ContractProcess.CITY_SIGNS))) {
                contract.acceptedByCity(who, Instant.now());
            } else {
                Object reason = task.getVariable(ContractProcess.DECLINE_REASON);
                if (reason == null || reason.toString().isBlank()) {
                    throw new IllegalArgumentException("declineReason: say why the city declines to sign");
                }
                contract.declinedByCity(who, reason.toString());
            }
        };
    }

    @Bean
    JavaDelegate recordExpiry(Contracts contracts) {
        return execution -> contracts.findById(UUID.fromString(required(execution, ContractProcess.CONTRACT_ID)))
                .orElseThrow().expired();
    }

    /**
     * ServiceTask_ArchiveSignedContract: the signed contract is published as an OCDS contract release; a
     * replication's contract opens its own contracting process, related to the original as prior.
     */
    @Bean
    JavaDelegate archiveSignedContract(Contracts contracts, OcdsPublisher ocds, Challenges challenges, Organisations organisations) {
        return execution -> {
            Contract contract = contracts.findById(UUID.fromString(required(execution, ContractProcess.CONTRACT_ID))).orElseThrow();
            Instant signedAt = contract.cityAcceptedAt() != null ? contract.cityAcceptedAt() : Instant.now();
            if (contract.originalContractId() != null) {
                String title = challenges.find(contract.challengeId()).map(c -> "Replication: " + c.title()).orElse("Replication");
                ocds.publishReplication(new OcdsFacts.Replication(contract.id().toString(), contract.challengeId().toString(),
                        new OcdsFacts.Party(contract.cityGroup(), organisations.nameOf(contract.cityGroup())),
                        new OcdsFacts.Party(contract.companyGroup(), organisations.nameOf(contract.companyGroup())),
                        title, amount(execution), contract.id().toString(), signedAt));
                return;
            }
            ocds.publishContract(new OcdsFacts.Contract(contract.challengeId().toString(), contract.id().toString(),
                    contract.challengeId() + "-award-1", "Pilot contract", amount(execution), "active", signedAt, null));
        };
    }

    private static BigDecimal amount(VariableScope scope) {
        Object amount = scope.getVariable("contractAmount");
        return amount instanceof Number n ? new BigDecimal(n.toString()) : BigDecimal.ZERO;
    }

    private static Contract find(Contracts contracts, DelegateTask task) {
        UUID id = UUID.fromString((String) task.getVariable(ContractProcess.CONTRACT_ID));
        return contracts.findById(id).orElseThrow(() -> new NoSuchElementException("No contract " + id));
    }

    /** The logged-in user who completed the task (Tasklist, REST or portal), else its assignee. */
    private static String actor(IdentityService identity, DelegateTask task) {
        Authentication current = identity.getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            return current.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "unknown";
    }
}
