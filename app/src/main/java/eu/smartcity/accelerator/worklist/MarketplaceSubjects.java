package eu.smartcity.accelerator.worklist;

import eu.smartcity.accelerator.contract.ContractDocuments;
import eu.smartcity.accelerator.evaluation.EvaluationRecords;
import eu.smartcity.accelerator.identity.CurrentUser;
import eu.smartcity.accelerator.marketplace.FrameworkJoinProcess;
import eu.smartcity.accelerator.marketplace.MarketplaceRecords;
import eu.smartcity.accelerator.marketplace.MarketplaceRecords.ReplicationFacts;
import eu.smartcity.accelerator.pilot.ReplicationProcess;
import eu.smartcity.accelerator.pilot.PilotRecords;
import eu.smartcity.accelerator.pilot.PilotRecords.PilotView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A framework join (who asks, which framework contract: lots, validity, its authority) and a replication
 * (which city, from which pilot and its evaluation, which solution at what indicative cost, and the
 * original contract's changes to the template, which the new contract starts from). Both are found by
 * the process instance the marketplace started; a replication started without a marketplace record
 * still shows its original pilot.
 */
@Component
class MarketplaceSubjects implements SubjectView {

    private final SubjectRecords records;
    private final MarketplaceRecords marketplace;
    private final PilotRecords pilots;
    private final EvaluationRecords evaluations;
    private final ContractDocuments contracts;

    MarketplaceSubjects(SubjectRecords records, MarketplaceRecords marketplace, PilotRecords pilots,
            EvaluationRecords evaluations, ContractDocuments contracts) {
        this.records = records;
        this.marketplace = marketplace;
        this.pilots = pilots;
        this.evaluations = evaluations;
        this.contracts = contracts;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(FrameworkJoinProcess.USER_TASK_APPROVE_JOIN, ReplicationProcess.USER_TASK_SUPPLIER_CONFIRMS);
    }

    @Override
    public Optional<TaskSubject> read(TaskIds ids, CurrentUser user) {
        if (FrameworkJoinProcess.USER_TASK_APPROVE_JOIN.equals(ids.taskDefinitionKey())) {
            return marketplace.joinRequestOfProcess(ids.processInstanceId()).map(join -> {
                SubjectRecords.requireOwner(user, join.authorityGroup());
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("join", join);
                facts.put("city", records.name(join.cityGroup()));
                facts.put("authority", records.name(join.authorityGroup()));
                return new TaskSubject("join", joinContext(join), facts);
            });
        }
        Optional<ReplicationFacts> replication = marketplace.replicationOfProcess(ids.processInstanceId());
        Optional<PilotView> original = replication.map(ReplicationFacts::originalPilotId)
                .or(() -> ids.uuid(ReplicationProcess.ORIGINAL_PILOT_ID)).flatMap(pilots::find);
        if (original.isEmpty()) {
            return Optional.empty();
        }
        PilotView pilot = original.get();
        // the supplier of the original pilot (and of the listed solution) is asked, nobody else
        SubjectRecords.requireOwner(user, replication.map(ReplicationFacts::supplierGroup).orElse(pilot.companyGroup()));
        Map<String, Object> facts = new LinkedHashMap<>();
        replication.ifPresent(r -> {
            facts.put("replication", r);
            facts.put("city", records.name(r.cityGroup()));
        });
        facts.put("original", pilot);
        facts.put("originalCity", records.name(pilot.cityGroup()));
        records.challenge(Optional.of(pilot.challengeId())).ifPresent(c -> facts.put("challenge", c));
        evaluations.ofPilot(pilot.id()).ifPresent(e -> facts.put("evaluation", e));
        Optional<UUID> originalContract = Optional.ofNullable(pilot.contractId())
                .or(() -> contracts.signedContractOf(pilot.challengeId(), pilot.applicationId()));
        originalContract.flatMap(contracts::page).ifPresent(page -> {
            facts.put("originalContract", page);
            facts.put("changedClauses", page.clauses().stream().filter(c -> c.changed()).toList());
        });
        return Optional.of(new TaskSubject("replication", replicationContext(replication, pilot, null), facts));
    }

    @Override
    public Optional<TaskSubject.Context> context(TaskIds ids) {
        if (FrameworkJoinProcess.USER_TASK_APPROVE_JOIN.equals(ids.taskDefinitionKey())) {
            // when the task is created the request does not know its process yet; its id is the business key
            return marketplace.joinRequestOfProcess(ids.processInstanceId())
                    .or(() -> ids.businessKeyId().flatMap(marketplace::joinRequest)).map(this::joinContext);
        }
        Optional<ReplicationFacts> replication = marketplace.replicationOfProcess(ids.processInstanceId());
        // when the task is created the marketplace has not recorded the replication yet: the ids it started the process with
        return replication.map(ReplicationFacts::originalPilotId).or(() -> ids.uuid(ReplicationProcess.ORIGINAL_PILOT_ID))
                .flatMap(pilots::find).map(p -> replicationContext(replication, p, ids));
    }

    private TaskSubject.Context joinContext(MarketplaceRecords.JoinFacts join) {
        return new TaskSubject.Context(null, join.frameworkTitle(), records.name(join.cityGroup()), null,
                "/marketplace/frameworks/" + join.frameworkId());
    }

    private TaskSubject.Context replicationContext(Optional<ReplicationFacts> replication, PilotView pilot, TaskIds creating) {
        String city = replication.map(r -> records.name(r.cityGroup())).orElseGet(() -> creating == null ? null
                : ReplicationProcess.CITY_GROUP.optionalFrom(creating.variables()).map(records::name).orElse(null));
        return records.challenge(Optional.of(pilot.challengeId()))
                .map(c -> new TaskSubject.Context(c.id(), c.title(), city, records.name(pilot.companyGroup()),
                        records.context(c, null).link()))
                .orElseGet(() -> new TaskSubject.Context(null, null, city, records.name(pilot.companyGroup()), null));
    }
}
