package eu.smartcity.accelerator.selection.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The coordinator re-opened the scoring: the round that starts and why (shown to the jury on that round's tasks;
 * retention class: PROCUREMENT_RECORD; names no one).
 */
@Entity
@Table(name = "selection_reopening")
public class SelectionReopening {

    @Id
    private UUID id;
    @Column(name = "challenge_id", nullable = false)
    private UUID challengeId;
    @Column(nullable = false)
    private int round;
    @Column(nullable = false)
    private String remarks;
    @Column(name = "reopened_at", nullable = false)
    private Instant reopenedAt;

    protected SelectionReopening() {}

    public SelectionReopening(UUID challengeId, int round, String remarks, Instant reopenedAt) {
        this.id = UUID.randomUUID();
        this.challengeId = challengeId;
        this.round = round;
        this.remarks = remarks;
        this.reopenedAt = reopenedAt;
    }

    public int round() { return round; }
    public String remarks() { return remarks; }
    public Instant reopenedAt() { return reopenedAt; }
}
