package eu.smartcity.accelerator.selection.internal;

import eu.smartcity.accelerator.cycle.Bylaws;
import eu.smartcity.accelerator.shared.NewUntilStored;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One jury member's scores for one application in one round, with the weighted result (applicant-scoring table;
 * retention class: PROCUREMENT_RECORD, the member pseudonymised on erasure).
 */
@Entity
@Table(name = "jury_score")
public class JuryScore extends NewUntilStored {

    /**
     * The id is assigned in the constructor, so Spring Data cannot tell a new row from a stored one: without this,
     * save() would SELECT by id before each INSERT (issue 19: one statement per row saved).
     */


    @Id
    private UUID id;
    @Column(name = "challenge_id", nullable = false)
    private UUID challengeId;
    @Column(name = "application_id", nullable = false)
    private UUID applicationId;
    @Column(nullable = false)
    private String member;
    @Column(nullable = false)
    private int round;
    private int fit;
    private int innovation;
    private int team;
    private int price;
    private int replicability;
    @Column(name = "open_data_use")
    private int openDataUse;
    @Column(name = "weighted_score", nullable = false)
    private double weightedScore;
    @Column(name = "decision_version", nullable = false)
    private int decisionVersion;
    @Column(name = "scored_at", nullable = false)
    private Instant scoredAt;
    @Column(name = "score_comment")
    private String comment;

    protected JuryScore() {}

    public JuryScore(UUID challengeId, UUID applicationId, String member, int round, Map<String, Integer> criteria,
            double weightedScore, int decisionVersion, Instant scoredAt, String comment) {
        this.id = UUID.randomUUID();
        this.challengeId = challengeId;
        this.applicationId = applicationId;
        this.member = member;
        this.round = round;
        this.fit = criteria.get(Bylaws.FIT);
        this.innovation = criteria.get(Bylaws.INNOVATION);
        this.team = criteria.get(Bylaws.TEAM);
        this.price = criteria.get(Bylaws.PRICE);
        this.replicability = criteria.get(Bylaws.REPLICABILITY);
        this.openDataUse = criteria.get(Bylaws.OPEN_DATA_USE);
        this.weightedScore = weightedScore;
        this.decisionVersion = decisionVersion;
        this.scoredAt = scoredAt;
        this.comment = comment;
    }

    public UUID applicationId() { return applicationId; }
    public String member() { return member; }
    public double weightedScore() { return weightedScore; }
    public int decisionVersion() { return decisionVersion; }
    public String comment() { return comment; }
    /** As the ranking rule takes it. */
    public eu.smartcity.accelerator.scoring.JuryScore asScored() {
        return new eu.smartcity.accelerator.scoring.JuryScore(applicationId.toString(), member,
                eu.smartcity.accelerator.scoring.CriterionScores.of(criteria()), weightedScore, decisionVersion);
    }

    public Map<String, Integer> criteria() {
        return Map.of(Bylaws.FIT, fit, Bylaws.INNOVATION, innovation, Bylaws.TEAM, team, Bylaws.PRICE, price,
                Bylaws.REPLICABILITY, replicability, Bylaws.OPEN_DATA_USE, openDataUse);
    }

    @Override
    public UUID getId() { return id; }


}
