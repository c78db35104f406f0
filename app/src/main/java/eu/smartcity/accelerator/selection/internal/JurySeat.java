package eu.smartcity.accelerator.selection.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A jury member's seat on one challenge; a recused member's seat passes to a replacement
 * (retention class: PROCUREMENT_RECORD, the selection report; the member is pseudonymised on erasure, the conflict's
 * reason deleted).
 */
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
    @Column(name = "declared_at")
    private Instant declaredAt;
    @Column(name = "declared_conflict")
    private Boolean declaredConflict;
    /** The applications the member's declaration covered, as they stood when it was made. */
    @Column(name = "covered_applications")
    private String coveredApplications;

    protected JurySeat() {}

    public JurySeat(UUID challengeId, int seatNo, String member) {
        this.id = UUID.randomUUID();
        this.challengeId = challengeId;
        this.seatNo = seatNo;
        this.member = member;
        this.status = ASSIGNED;
    }

    /** The member's declaration over these applications; a conflict's reason stays with the seat, not in the process. */
    public void declare(boolean conflict, String reason, List<UUID> covered, Instant at) {
        this.declaredConflict = conflict;
        this.conflictReason = conflict ? reason : null;
        this.coveredApplications = String.join(",", covered.stream().map(UUID::toString).toList());
        this.declaredAt = at;
    }

    public void recuse() {
        this.status = RECUSED;
    }

    public UUID challengeId() { return challengeId; }
    public String conflictReason() { return conflictReason; }
    public boolean declaredConflict() { return Boolean.TRUE.equals(declaredConflict); }

    public int seatNo() { return seatNo; }
    public String member() { return member; }
    public String status() { return status; }
}
