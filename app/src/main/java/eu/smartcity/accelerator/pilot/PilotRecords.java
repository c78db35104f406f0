package eu.smartcity.accelerator.pilot;

import eu.smartcity.accelerator.documents.PilotFacts;
import eu.smartcity.accelerator.pilot.internal.Pilot;
import eu.smartcity.accelerator.pilot.internal.PilotReport;
import eu.smartcity.accelerator.pilot.internal.PilotReports;
import eu.smartcity.accelerator.pilot.internal.Pilots;
import java.time.Instant;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-only views of pilots (and replications) and their milestone reports, for pages that show what a task is about. */
@Service
public class PilotRecords implements PilotFacts {

    private final Pilots pilots;
    private final PilotReports reports;
    private final HistoryService history;

    PilotRecords(Pilots pilots, PilotReports reports, HistoryService history) {
        this.pilots = pilots;
        this.reports = reports;
        this.history = history;
    }

    public record PilotView(UUID id, UUID challengeId, UUID applicationId, UUID originalPilotId, UUID contractId,
            String cityGroup, String companyGroup, String status, int milestonesDone) {}

    /** A milestone report; the review fields are null until the city reviewed it. */
    public record ReportView(UUID id, int milestoneNo, String report, boolean milestoneMet, Instant submittedAt,
            Instant reviewedAt, Boolean continued, String reviewNotes) {
        public boolean reviewed() {
            return reviewedAt != null;
        }
    }

    @Transactional(readOnly = true)
    public Optional<PilotView> find(UUID pilotId) {
        return pilots.findById(pilotId).map(PilotRecords::view);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PilotFact> pilot(UUID pilotId) {
        return find(pilotId).map(PilotRecords::fact);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PilotFact> pilotOfChallenge(UUID challengeId) {
        return ofChallenge(challengeId).stream().filter(p -> p.originalPilotId() == null).findFirst().map(PilotRecords::fact);
    }

    private static PilotFact fact(PilotView p) {
        return new PilotFact(p.id(), p.companyGroup(), p.status(), p.milestonesDone());
    }

    /** The pilots run for a challenge, replications of them included (they carry {@code originalPilotId}). */
    @Transactional(readOnly = true)
    public List<PilotView> ofChallenge(UUID challengeId) {
        return pilots.findByChallengeId(challengeId).stream().map(PilotRecords::view).toList();
    }

    /** Every pilot and replication (a public list: the home page shows the running ones first). */
    @Transactional(readOnly = true)
    public List<PilotView> all() {
        return pilots.findAll().stream().map(PilotRecords::view).toList();
    }

    /** A city started replicating a pilot (its replication process), whatever came of it since. */
    public record ReplicationStart(String processInstanceId, String cityGroup, UUID originalPilotId, UUID originalChallengeId,
            Instant startedAt) {}

    /**
     * Every replication started, oldest first, read from the replication processes (a replication has a pilot of
     * its own only once its contract is signed, and not every start goes through the marketplace).
     */
    @Transactional(readOnly = true)
    public List<ReplicationStart> replicationsStarted() {
        List<ReplicationStart> started = new java.util.ArrayList<>();
        for (HistoricProcessInstance process : history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ReplicationProcess.KEY).orderByProcessInstanceStartTime().asc().list()) {
            java.util.Map<String, Object> variables = new java.util.HashMap<>();
            history.createHistoricVariableInstanceQuery().processInstanceId(process.getId())
                    .variableNameIn(PilotProcess.ORIGINAL_PILOT_ID.name(), PilotProcess.CITY_GROUP.name()).disableCustomObjectDeserialization().list()
                    .forEach(v -> variables.putIfAbsent(v.getName(), v.getValue()));
            Optional<String> city = PilotProcess.CITY_GROUP.optionalFrom(variables);
            Optional<Pilot> original = originalPilotId(variables).flatMap(pilots::findById);
            if (city.isPresent() && original.isPresent()) {
                started.add(new ReplicationStart(process.getId(), city.get(), original.get().id(), original.get().challengeId(),
                        process.getStartTime() == null ? null : process.getStartTime().toInstant()));
            }
        }
        return started;
    }

    private static Optional<UUID> originalPilotId(java.util.Map<String, Object> variables) {
        try {
            return PilotProcess.ORIGINAL_PILOT_ID.optionalFrom(variables);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** Oldest first. */
    @Transactional(readOnly = true)
    public List<ReportView> reports(UUID pilotId) {
        return reports.findByPilotIdOrderByMilestoneNoAscSubmittedAtAsc(pilotId).stream()
                .map(r -> new ReportView(r.id(), r.milestoneNo(), r.report(), r.milestoneMet(), r.submittedAt(), r.reviewedAt(),
                        r.continued(), r.reviewNotes()))
                .toList();
    }

    private static PilotView view(Pilot p) {
        return new PilotView(p.id(), p.challengeId(), p.applicationId(), p.originalPilotId(), p.contractId(), p.cityGroup(),
                p.companyGroup(), p.status().name(), p.milestonesDone());
    }
}
