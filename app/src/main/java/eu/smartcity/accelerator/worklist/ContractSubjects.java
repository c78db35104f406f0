package eu.smartcity.accelerator.worklist;

import eu.smartcity.accelerator.contract.ContractDocuments;
import eu.smartcity.accelerator.contract.ContractDocuments.ContractPage;
import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.identity.CurrentUser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Reviewing, answering, checking and signing a contract: the two parties, its status, the clauses that
 * differ from the bylaws' template (with the template's and the case's text), the changes the company
 * asked for, the decisions so far, and links to the contract page and to the original contract a
 * replication's contract starts from.
 */
@Component
class ContractSubjects implements SubjectView {

    private final SubjectRecords records;
    private final ContractDocuments contracts;

    ContractSubjects(SubjectRecords records, ContractDocuments contracts) {
        this.records = records;
        this.contracts = contracts;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(ContractProcess.USER_TASK_REVIEW_DRAFT, ContractProcess.USER_TASK_ANSWER_CHANGES,
                ContractProcess.USER_TASK_CHECK_COMPLIANCE, ContractProcess.USER_TASK_SIGN_AS_COMPANY,
                ContractProcess.USER_TASK_SIGN_AS_CITY);
    }

    @Override
    public Optional<TaskSubject> read(TaskIds ids, CurrentUser user) {
        Optional<UUID> contractId = ids.uuid(ContractProcess.CONTRACT_ID);
        return contractId.flatMap(contracts::page).map(page -> {
            SubjectRecords.requireOwner(user, page.cityGroup(), page.companyGroup());
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("contract", page);
            facts.put("changedClauses", page.clauses().stream().filter(c -> c.changed()).toList());
            contracts.origin(page.id()).ifPresent(origin -> {
                facts.put("origin", origin);
                records.challenge(Optional.of(origin.challengeId())).ifPresent(c -> facts.put("challenge", c));
            });
            return new TaskSubject("contract", context(page), facts);
        });
    }

    @Override
    public Optional<TaskSubject.Context> context(TaskIds ids) {
        return ids.uuid(ContractProcess.CONTRACT_ID).flatMap(contracts::page).map(this::context);
    }

    private TaskSubject.Context context(ContractPage page) {
        return contracts.origin(page.id()).flatMap(o -> records.challenge(Optional.of(o.challengeId())))
                .map(challenge -> {
                    // a replication's contract is with another city than the challenge's: name the contract's own parties
                    TaskSubject.Context c = records.context(challenge, page.companyGroup());
                    return new TaskSubject.Context(c.challengeId(), c.title(), records.name(page.cityGroup()), c.company(),
                            "/contracts/" + page.id());
                })
                .orElseGet(() -> new TaskSubject.Context(null, page.title(), records.name(page.cityGroup()),
                        records.name(page.companyGroup()), "/contracts/" + page.id()));
    }
}
