package eu.smartcity.accelerator.pilot.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One milestone report of a pilot as submitted, and the city's review of it once done (retention class: PROCUREMENT_RECORD;
 * submitted_by and reviewed_by are user ids, pseudonymised on erasure; the texts lose the person). */
@Entity
@Table(name = "pilot_report")
public class PilotReport {

    @Id
    private UUID id;
    @Column(name = "pilot_id", nullable = false)
    private UUID pilotId;
    @Column(name = "milestone_no", nullable = false)
    private int milestoneNo;
    @Column(nullable = false)
    private String report;
    @Column(name = "milestone_met", nullable = false)
    private boolean milestoneMet;
    @Column(name = "submitted_by")
    private String submittedBy;
    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;
    @Column(name = "reviewed_by")
    private String reviewedBy;
    @Column(name = "reviewed_at")
    private Instant reviewedAt;
    private Boolean continued;
    @Column(name = "review_notes")
    private String reviewNotes;

    protected PilotReport() {}

    public PilotReport(UUID pilotId, int milestoneNo, String report, boolean milestoneMet, String submittedBy, Instant submittedAt) {
        this.id = UUID.randomUUID();
        this.pilotId = pilotId;
        this.milestoneNo = milestoneNo;
        this.report = report;
        this.milestoneMet = milestoneMet;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
    }

    public void reviewed(String by, Instant at, boolean continues, String notes) {
        this.reviewedBy = by;
        this.reviewedAt = at;
        this.continued = continues;
        this.reviewNotes = notes;
    }

    public UUID id() { return id; }
    public UUID pilotId() { return pilotId; }
    public int milestoneNo() { return milestoneNo; }
    public String report() { return report; }
    public boolean milestoneMet() { return milestoneMet; }
    public String submittedBy() { return submittedBy; }
    public Instant submittedAt() { return submittedAt; }
    public String reviewedBy() { return reviewedBy; }
    public Instant reviewedAt() { return reviewedAt; }
    public Boolean continued() { return continued; }
    public String reviewNotes() { return reviewNotes; }
}
