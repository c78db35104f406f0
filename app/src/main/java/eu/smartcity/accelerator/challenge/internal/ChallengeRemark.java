package eu.smartcity.accelerator.challenge.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One sending back of a challenge, with the coordinator's remarks (retention class: PROCUREMENT_RECORD; the remarks may name a person, whom erasure removes). */
@Entity
@Table(name = "challenge_remark")
class ChallengeRemark {

    @Id
    private UUID id;
    @Column(name = "challenge_id", nullable = false)
    private UUID challengeId;
    @Column(nullable = false)
    private String remarks;
    @Column(name = "sent_back_at", nullable = false)
    private Instant sentBackAt;

    protected ChallengeRemark() {}

    ChallengeRemark(UUID challengeId, String remarks, Instant sentBackAt) {
        this.id = UUID.randomUUID();
        this.challengeId = challengeId;
        this.remarks = remarks;
        this.sentBackAt = sentBackAt;
    }

    String remarks() { return remarks; }
    Instant sentBackAt() { return sentBackAt; }
}
