package eu.smartcity.accelerator.challenge.internal;

import eu.smartcity.accelerator.challenge.Challenges;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** One line of what the city funds beside the pilot (retention class: PROCUREMENT_RECORD; no personal data). */
@Entity
@Table(name = "challenge_extra")
class ChallengeExtra {

    @Id
    private UUID id;
    @Column(name = "challenge_id", nullable = false)
    private UUID challengeId;
    @Column(nullable = false)
    private int position;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Challenges.ExtraKind kind;
    @Column(nullable = false)
    private String description;
    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    protected ChallengeExtra() {}

    ChallengeExtra(UUID challengeId, int position, Challenges.Extra extra) {
        this.id = UUID.randomUUID();
        this.challengeId = challengeId;
        this.position = position;
        this.kind = extra.kind();
        this.description = extra.description().strip();
        this.amount = extra.amount();
    }

    Challenges.Extra view() {
        return new Challenges.Extra(kind, description, amount);
    }
}
