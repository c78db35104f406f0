package eu.smartcity.accelerator.challenge.internal;

import eu.smartcity.accelerator.challenge.Challenges;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A coordinator extended an open call or closed it early (retention class: PROCUREMENT_RECORD; changed_by is a user id, pseudonymised on erasure and cleared after the period). */
@Entity
@Table(name = "call_window_change")
class WindowChange {

    @Id
    private UUID id;
    @Column(name = "challenge_id", nullable = false)
    private UUID challengeId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Challenges.CallWindowChange.Kind kind;
    @Column(name = "closes_before", nullable = false)
    private Instant closesBefore;
    @Column(name = "closes_after", nullable = false)
    private Instant closesAfter;
    @Column(nullable = false)
    private String reason;
    @Column(name = "changed_by", nullable = false)
    private String changedBy;
    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected WindowChange() {}

    WindowChange(UUID challengeId, Challenges.CallWindowChange.Kind kind, Instant closesBefore, Instant closesAfter,
            String reason, String changedBy, Instant changedAt) {
        this.id = UUID.randomUUID();
        this.challengeId = challengeId;
        this.kind = kind;
        this.closesBefore = closesBefore;
        this.closesAfter = closesAfter;
        this.reason = reason;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    UUID id() { return id; }

    Challenges.CallWindowChange view() {
        return new Challenges.CallWindowChange(id, challengeId, kind, closesBefore, closesAfter, reason, changedBy, changedAt);
    }
}
