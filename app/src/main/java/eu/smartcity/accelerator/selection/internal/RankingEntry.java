package eu.smartcity.accelerator.selection.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import eu.smartcity.accelerator.shared.NewUntilStored;
import java.util.UUID;

/** An application's place in a round's ranking, kept for the selection report (retention class: PROCUREMENT_RECORD; no personal data). */
@Entity
@Table(name = "ranking_entry")
public class RankingEntry extends NewUntilStored {

    @Id
    private UUID id;
    @Column(name = "challenge_id", nullable = false)
    private UUID challengeId;
    @Column(nullable = false)
    private int round;
    @Column(name = "application_id", nullable = false)
    private UUID applicationId;
    @Column(nullable = false)
    private int rank;
    @Column(name = "average_score", nullable = false)
    private double averageScore;
    @Column(name = "average_innovation", nullable = false)
    private double averageInnovation;
    @Column(nullable = false)
    private int scorings;

    protected RankingEntry() {}

    public RankingEntry(UUID challengeId, int round, UUID applicationId, int rank, double averageScore,
            double averageInnovation, int scorings) {
        this.id = UUID.randomUUID();
        this.challengeId = challengeId;
        this.round = round;
        this.applicationId = applicationId;
        this.rank = rank;
        this.averageScore = averageScore;
        this.averageInnovation = averageInnovation;
        this.scorings = scorings;
    }

    /** The id is the app's (a random UUID), so a new entry is inserted without a select first ({@link NewUntilStored}). */
    @Override
    public UUID getId() { return id; }
    public UUID applicationId() { return applicationId; }
    public int rank() { return rank; }
    public int round() { return round; }
    public double averageScore() { return averageScore; }
}
