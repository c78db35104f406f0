package eu.smartcity.accelerator.evaluation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A pilot's evaluation: the KPI against its target, what citizens said beside what was measured, the verdict
 * (retention class: PROCUREMENT_RECORD; the survey is one score, no answer per citizen: no personal data). */
@Entity
@Table(name = "evaluation")
public class Evaluation {

    @Id
    private UUID id;
    @Column(name = "pilot_id", nullable = false)
    private UUID pilotId;
    @Column(name = "challenge_id", nullable = false)
    private UUID challengeId;
    @Column(name = "city_group", nullable = false)
    private String cityGroup;
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
    @Column(name = "evidence_gap")
    private Double evidenceGap;
    private String verdict;
    @Column(name = "published_at")
    private Instant publishedAt;

    protected Evaluation() {}

    public Evaluation(UUID id, UUID pilotId, UUID challengeId, String cityGroup) {
        this.id = id;
        this.pilotId = pilotId;
        this.challengeId = challengeId;
        this.cityGroup = cityGroup;
    }

    /** Both kept: citizens' perception and measured behaviour can disagree; the gap is shown, not hidden. */
    public double evidence(String kpiName, double kpiTarget, double kpiResult, double surveyScore, double measuredScore) {
        this.kpiName = kpiName;
        this.kpiTarget = kpiTarget;
        this.kpiResult = kpiResult;
        this.surveyScore = surveyScore;
        this.measuredScore = measuredScore;
        this.evidenceGap = surveyScore - measuredScore;
        return evidenceGap;
    }

    public void published(String verdict, Instant at) {
        this.verdict = verdict;
        this.publishedAt = at;
    }

    public UUID id() { return id; }
    public UUID pilotId() { return pilotId; }
    public String verdict() { return verdict; }
    public Double evidenceGap() { return evidenceGap; }
    public Instant publishedAt() { return publishedAt; }
    public UUID challengeId() { return challengeId; }
    public String cityGroup() { return cityGroup; }
    public String kpiName() { return kpiName; }
    public Double kpiTarget() { return kpiTarget; }
    public Double kpiResult() { return kpiResult; }
    public Double surveyScore() { return surveyScore; }
    public Double measuredScore() { return measuredScore; }
}
