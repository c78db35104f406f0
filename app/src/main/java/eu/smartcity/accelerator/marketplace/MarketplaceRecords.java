package eu.smartcity.accelerator.marketplace;

import eu.smartcity.accelerator.marketplace.frameworks.Framework;
import eu.smartcity.accelerator.marketplace.frameworks.Frameworks;
import eu.smartcity.accelerator.marketplace.catalogue.Implementation;
import eu.smartcity.accelerator.marketplace.catalogue.Implementations;
import eu.smartcity.accelerator.marketplace.frameworks.JoinRequest;
import eu.smartcity.accelerator.marketplace.frameworks.JoinRequests;
import eu.smartcity.accelerator.marketplace.replication.Replication;
import eu.smartcity.accelerator.marketplace.replication.Replications;
import eu.smartcity.accelerator.marketplace.catalogue.Solution;
import eu.smartcity.accelerator.marketplace.catalogue.Solutions;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only facts about a framework join request and a replication, found by the process instance the
 * engine started for them (not by a process variable), for the pages that show what a task is about.
 */
@Service
public class MarketplaceRecords {

    private final JoinRequests joinRequests;
    private final Frameworks frameworks;
    private final Replications replications;
    private final Implementations implementations;
    private final Solutions solutions;

    MarketplaceRecords(JoinRequests joinRequests, Frameworks frameworks, Replications replications,
            Implementations implementations, Solutions solutions) {
        this.joinRequests = joinRequests;
        this.frameworks = frameworks;
        this.replications = replications;
        this.implementations = implementations;
        this.solutions = solutions;
    }

    /** Who asks to join which framework contract (its lots, validity and authority), and when. */
    public record JoinFacts(UUID requestId, String cityGroup, Instant requestedAt, String status, UUID frameworkId,
            String frameworkTitle, String authorityGroup, String domain, String description, List<String> lots,
            LocalDate validFrom, LocalDate validUntil, boolean openToAll, int otherRequests) {}

    /** Which city wants to replicate which implementation (solution, supplier, the original's evaluation), and when. */
    public record ReplicationFacts(UUID replicationId, String cityGroup, Instant requestedAt, UUID implementationId,
            UUID solutionId, String solutionName, String supplierGroup, BigDecimal indicativeCost, String priceModel,
            String originalCityGroup, UUID originalPilotId, UUID originalChallengeId, String kpiName, Double kpiTarget,
            Double kpiResult, String verdict) {}

    @Transactional(readOnly = true)
    public Optional<JoinFacts> joinRequestOfProcess(String processInstanceId) {
        return joinRequests.findFirstByProcessInstanceId(processInstanceId).flatMap(request ->
                frameworks.findById(request.frameworkId()).map(f -> joinFacts(request, f)));
    }

    /** By its id, which is also the business key of its process (the process instance is recorded once started). */
    @Transactional(readOnly = true)
    public Optional<JoinFacts> joinRequest(UUID requestId) {
        return joinRequests.findById(requestId).flatMap(request ->
                frameworks.findById(request.frameworkId()).map(f -> joinFacts(request, f)));
    }

    @Transactional(readOnly = true)
    public Optional<ReplicationFacts> replicationOfProcess(String processInstanceId) {
        return replications.findFirstByProcessInstanceId(processInstanceId).flatMap(replication ->
                implementations.findById(replication.implementationId()).flatMap(implementation ->
                        solutions.findById(implementation.solutionId()).map(s -> replicationFacts(replication, implementation, s))));
    }

    private JoinFacts joinFacts(JoinRequest request, Framework f) {
        int others = (int) joinRequests.findByFrameworkIdOrderByRequestedAtDesc(f.id()).stream()
                .filter(r -> !r.id().equals(request.id())).count();
        return new JoinFacts(request.id(), request.cityGroup(), request.requestedAt(), request.status(), f.id(), f.title(),
                f.authorityGroup(), f.domain(), f.description(), f.lots(), f.validFrom(), f.validUntil(), f.openToAll(), others);
    }

    private static ReplicationFacts replicationFacts(Replication r, Implementation i, Solution s) {
        return new ReplicationFacts(r.id(), r.cityGroup(), r.requestedAt(), i.id(), s.id(), s.name(), s.supplierGroup(),
                s.indicativeCost(), s.priceModel(), i.cityGroup(), i.pilotId(), i.challengeId(), i.kpiName(), i.kpiTarget(),
                i.kpiResult(), i.verdict());
    }
}
