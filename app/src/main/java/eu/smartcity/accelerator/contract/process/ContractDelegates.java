package eu.smartcity.accelerator.contract.process;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.shared.RuleViolationException;
import static eu.smartcity.accelerator.workflow.ProcessVariables.required;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.contract.ContractDocuments;
import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.contract.internal.Contract;
import eu.smartcity.accelerator.contract.internal.Contracts;
import eu.smartcity.accelerator.identity.Organisations;
import eu.smartcity.accelerator.workflow.EngineAuthentication;
import eu.smartcity.accelerator.opendata.OcdsFacts;
import eu.smartcity.accelerator.opendata.OcdsPublisher;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Steps of the contract process; every acceptance and decline is recorded with who and when. */
@Configuration(proxyBeanMethods = false)
class ContractDelegates {

    @Bean
    JavaDelegate draftContract(Contracts contracts) {
        return execution -> {
            UUID id = UUID.fromString(required(execution, ContractProcess.CONTRACT_ID));
            if (!contracts.existsById(id)) {
                Object original = execution.getVariable("originalContractId");
                Contract contract = new Contract(id, UUID.fromString(required(execution, ChallengeProcess.CHALLENGE_ID.name())),
                        UUID.fromString(required(execution, ChallengeProcess.APPLICATION_ID.name())),
                        original == null ? null : UUID.fromString(original.toString()),
                        required(execution, "cityGroup"), required(execution, ChallengeProcess.COMPANY_GROUP.name()));
                // a replication starts from the original case's contract: its changes to the template carry over
                if (original != null) {
                    contracts.findById(UUID.fromString(original.toString()))
                            .ifPresent(o -> contract.clauseChangesAgreed(o.clauseChanges()));
                }
                contracts.save(contract);
            }
        };
    }

    /** Complete listener of the negotiation tasks: requested and answered changes are kept. */
    @Bean
    TaskListener recordNegotiation(Contracts contracts, ContractDocuments documents) {
        return task -> {
            Contract contract = find(contracts, task);
            if (task.getTaskDefinitionKey().equals(ContractProcess.USER_TASK_REVIEW_DRAFT)) {
                Object changes = task.getVariable(ContractProcess.REQUESTED_CHANGES);
                // without changes the form's decision rules (forms.DecisionRules) refuse the completion
                if (ContractProcess.REQUEST_CHANGES.equals(task.getVariable(ContractProcess.DRAFT_DECISION))
                        && changes != null && !changes.toString().isBlank()) {
                    documents.checkChanges(contract.id(), ContractProcess.REQUESTED_CHANGES, changes.toString());
                    contract.changesRequested(changes.toString());
                }
            } else {
                Object agreed = task.getVariable(ContractProcess.AGREED_CHANGES);
                String text = agreed == null ? "" : agreed.toString();
                // lines like "C5: new text", "C9: removed", "+C5a Title: text" change clauses; other lines are remarks
                documents.checkChanges(contract.id(), ContractProcess.AGREED_CHANGES, text);
                contract.changesAnswered(text);
                contract.clauseChangesAgreed(text);
            }
        };
    }

    /** Complete listener of the compliance check: found compliant, the PDF both parties will accept is frozen. */
    @Bean
    TaskListener recordCompliance(ContractDocuments documents, Contracts contracts) {
        return task -> {
            UUID id = UUID.fromString((String) task.getVariable(ContractProcess.CONTRACT_ID));
            if (ContractProcess.COMPLIES.equals(task.getVariable(ContractProcess.COMPLIANCE_DECISION))) {
                documents.freeze(id);
                find(contracts, task).compliant();
            } else {
                documents.unfreeze(id);
                Object remarks = task.getVariable(ContractProcess.COMPLIANCE_REMARKS);
                find(contracts, task).notCompliant(remarks == null ? null : remarks.toString());
            }
        };
    }

    /** Complete listener of both signature tasks: who accepted (or declined, and why), and when. */
    @Bean
    TaskListener recordSignature(Contracts contracts, EngineAuthentication engine, ContractDocuments documents,
            Applications applications) {
        return task -> {
            Contract contract = find(contracts, task);
            String who = actor(engine, task);
            String from = remoteAddress();
            if (task.getTaskDefinitionKey().equals(ContractProcess.USER_TASK_SIGN_AS_COMPANY)) {
                if (!Boolean.TRUE.equals(task.getVariable(ContractProcess.COMPANY_SIGNS))) {
                    throw new RuleViolationException(ContractProcess.COMPANY_SIGNS, "contract.error.companySigns",
                            "tick the box to accept this contract (or let the signature window run out)");
                }
                documents.recordDecision(contract.id(), "COMPANY", true, who, from, null);
                contract.acceptedByCompany(who, Instant.now());
                // the application follows its own contract (a replication's leaves it be; a contract process run
                // on its own, as in its process tests, has none)
                if (contract.originalContractId() == null && applications.find(contract.applicationId()).isPresent()) {
                    applications.companySigned(contract.applicationId());
                }
            } else if (ContractProcess.SIGN.equals(task.getVariable(ContractProcess.CITY_DECISION))) {
                documents.recordDecision(contract.id(), "CITY", true, who, from, null);
                contract.acceptedByCity(who, Instant.now());
            } else {
                // declined: the decision rules (forms.DecisionRules) refuse it without a reason
                Object given = task.getVariable(ContractProcess.DECLINE_REASON);
                String reason = given == null ? "" : given.toString();
                documents.recordDecision(contract.id(), "CITY", false, who, from, reason);
                contract.declinedByCity(who, reason);
            }
        };
    }

    /** The address the decision came from (portal, Tasklist or REST request); null outside a web request. */
    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            return servlet.getRequest().getRemoteAddr();
        }
        return null;
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
    JavaDelegate archiveSignedContract(Contracts contracts, OcdsPublisher ocds, ContractDocuments documents, Challenges challenges,
            Organisations organisations, @Value("${accelerator.public-base-url}") String baseUrl) {
        return execution -> {
            Contract contract = contracts.findById(UUID.fromString(required(execution, ContractProcess.CONTRACT_ID))).orElseThrow();
            // the accepted PDF gets the programme's PAdES signature (retried, then an incident, if the keystore fails)
            documents.sign(contract.id());
            Instant signedAt = contract.cityAcceptedAt() != null ? contract.cityAcceptedAt() : Instant.now();
            // the sealed PDF is public from now on (ContractPages#signedPdf)
            OcdsFacts.Document signedDocument = new OcdsFacts.Document("contract-" + contract.id() + "-signed", "contractSigned",
                    "Signed contract (PAdES)", baseUrl + "/contracts/" + contract.id() + "/signed.pdf", signedAt);
            if (contract.originalContractId() != null) {
                String title = challenges.find(contract.challengeId()).map(c -> "Replication: " + c.title()).orElse("Replication");
                ocds.publishReplication(new OcdsFacts.Replication(contract.id().toString(), contract.challengeId().toString(),
                        new OcdsFacts.Party(contract.cityGroup(), organisations.nameOf(contract.cityGroup())),
                        new OcdsFacts.Party(contract.companyGroup(), organisations.nameOf(contract.companyGroup())),
                        title, amount(execution), contract.id().toString(), signedAt, signedDocument));
                return;
            }
            ocds.publishContract(new OcdsFacts.Contract(contract.challengeId().toString(), contract.id().toString(),
                    contract.challengeId() + "-award-1", "Pilot contract", amount(execution), "active", signedAt, signedDocument));
        };
    }

    private static BigDecimal amount(VariableScope scope) {
        Object amount = scope.getVariable(ChallengeProcess.CONTRACT_AMOUNT.name());
        return amount instanceof Number n ? new BigDecimal(n.toString()) : BigDecimal.ZERO;
    }

    private static Contract find(Contracts contracts, DelegateTask task) {
        UUID id = UUID.fromString((String) task.getVariable(ContractProcess.CONTRACT_ID));
        return contracts.findById(id).orElseThrow(() -> new NoSuchElementException("No contract " + id));
    }

    /** The logged-in user who completed the task (Tasklist, REST or portal), else its assignee. */
    private static String actor(EngineAuthentication engine, DelegateTask task) {
        return engine.currentUserId().orElse(task.getAssignee() != null ? task.getAssignee() : "unknown");
    }
}
