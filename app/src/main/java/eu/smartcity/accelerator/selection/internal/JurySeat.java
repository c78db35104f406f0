package eu.smartcity.accelerator.selection.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A jury member's seat on one challenge; a recused member's seat passes to a replacement. */
@Entity
@Table(name = "jury_seat")
public class JurySeat {

    public static final String ASSIGNED = "ASSIGNED";
    public static final String RECUSED = "RECUSED";

    @Id
    private UUID id;
    @Column(name = "challenge_id", nullable = false)
    private UUID challengeId;
    @Column(name = "seat_no", nullable = false)
    private int seatNo;
    @Column(nullable = false)
    private String member;
    @Column(nullable = false)
    private String status;
    @Column(name = "conflict_reason")
    private String conflictReason;

    protected JurySeat() {}

    public JurySeat(UUID challengeId, int seatNo, String member) {
        this.id = UUID.randomUUID();
        this.challengeId = challengeId;
        this.seatNo = seatNo;
        this.member = member;
        this.status = ASSIGNED;
    }

    public void recuse(String reason) {
        this.status = RECUSED;
        this.conflictReason = reason;
    }

    public int seatNo() { return seatNo; }
    public String member() { return member; }
    public String status() { return status; }
    public String conflictReason() { return conflictReason; }
}
