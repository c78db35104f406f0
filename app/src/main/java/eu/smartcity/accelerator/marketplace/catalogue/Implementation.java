package eu.smartcity.accelerator.marketplace.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A city that implemented a solution: through the accelerator (a pilot, with its published
 * evaluation) or outside it (declared by the city's officer with a review). Retention class: PUBLIC_RECORD (names
 * cities, not persons).
 */
@Entity
@Table(name = "market_implementation")
public class Implementation {

    public static final String ACCELERATOR = "accelerator";
    public static final String OUTSIDE = "outside";

    @Id
    private UUID id;
    @Column(name = "solution_id", nullable = false)
    private UUID solutionId;
    @Column(name = "city_group", nullable = false)
    private String cityGroup;
    @Column(nullable = false)
    private String source;
    private String summary;
    @Column(name = "started_year")
    private Integer startedYear;
    @Column(name = "pilot_id")
    private UUID pilotId;
    @Column(name = "challenge_id")
    private UUID challengeId;
    @Column(name = "evaluation_id")
    private UUID evaluationId;
    @Column(name = "kpi_name")
    private String kpiName;
    @Column(name = "kpi_target")
    private Double kpiTarget;
    @Column(name = "kpi_result")
    private Double kpiResult;
    @Column(name = "survey_score")
    private Double surveyScore;
    @Column(name = "measured_score")
    private Double measuredScore;
    private String verdict;
    @Column(name = "evaluated_at")
    private Instant evaluatedAt;
    /** When the city's verdict "replicate" offered this pilot to other cities (null: not offered). */
    @Column(name = "offered_for_replication_at")
    private Instant offeredForReplicationAt;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Implementation() {}

    public static Implementation outside(UUID solutionId, String cityGroup, Integer startedYear, String summary, Instant now) {
        Implementation i = new Implementation();
        i.id = UUID.randomUUID();
        i.solutionId = solutionId;
        i.cityGroup = cityGroup;
        i.source = OUTSIDE;
        i.startedYear = startedYear;
        i.summary = summary;
        i.createdAt = now;
        return i;
    }

    public static Implementation evaluatedPilot(UUID solutionId, String cityGroup, UUID pilotId, UUID challengeId, UUID evaluationId,
            String kpiName, Double kpiTarget, Double kpiResult, Double surveyScore, Double measuredScore, String verdict,
            Instant evaluatedAt) {
        Implementation i = new Implementation();
        i.id = UUID.randomUUID();
        i.solutionId = solutionId;
        i.cityGroup = cityGroup;
        i.source = ACCELERATOR;
        i.pilotId = pilotId;
        i.challengeId = challengeId;
        i.evaluationId = evaluationId;
        i.kpiName = kpiName;
        i.kpiTarget = kpiTarget;
        i.kpiResult = kpiResult;
        i.surveyScore = surveyScore;
        i.measuredScore = measuredScore;
        i.verdict = verdict;
        i.evaluatedAt = evaluatedAt;
        i.startedYear = evaluatedAt == null ? null : evaluatedAt.atZone(java.time.ZoneOffset.UTC).getYear();
        i.summary = null; // the page says "piloted in the accelerator" in the reader's language; no stored English sentence
        i.createdAt = evaluatedAt == null ? Instant.now() : evaluatedAt;
        return i;
    }

    /** Replicable from the accelerator: a finished pilot whose challenge and pilot the replication process can start from. */
    public boolean replicable() {
        return ACCELERATOR.equals(source) && pilotId != null && challengeId != null;
    }

    public UUID id() { return id; }
    public UUID solutionId() { return solutionId; }
    public String cityGroup() { return cityGroup; }
    public String source() { return source; }
    public String summary() { return summary; }
    public Integer startedYear() { return startedYear; }
    public UUID pilotId() { return pilotId; }
    public UUID challengeId() { return challengeId; }
    public UUID evaluationId() { return evaluationId; }
    public String kpiName() { return kpiName; }
    public Double kpiTarget() { return kpiTarget; }
    public Double kpiResult() { return kpiResult; }
    public Double surveyScore() { return surveyScore; }
    public Double measuredScore() { return measuredScore; }
    public Double evidenceGap() { return surveyScore == null || measuredScore == null ? null : surveyScore - measuredScore; }
    public String verdict() { return verdict; }
    public Instant evaluatedAt() { return evaluatedAt; }
    public Instant createdAt() { return createdAt; }
    public Instant offeredForReplicationAt() { return offeredForReplicationAt; }

    /** The city offers its evaluated pilot for replication (its verdict "replicate"); the first offer counts. */
    public boolean offerForReplication(Instant at) {
        if (offeredForReplicationAt != null) {
            return false;
        }
        offeredForReplicationAt = at;
        return true;
    }
}
