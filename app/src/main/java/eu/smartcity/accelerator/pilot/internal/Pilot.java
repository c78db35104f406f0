package eu.smartcity.accelerator.pilot.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A pilot (or a replication of one, linked by originalPilotId) and its progress (retention class: PROCUREMENT_RECORD;
 * the latest report and the stop reason may name a person, whom erasure removes). */
@Entity
@Table(name = "pilot")
public class Pilot {

    @Id
    private UUID id;
    @Column(name = "challenge_id", nullable = false)
    private UUID challengeId;
    @Column(name = "application_id", nullable = false)
    private UUID applicationId;
    @Column(name = "original_pilot_id")
    private UUID originalPilotId;
    @Column(name = "contract_id")
    private UUID contractId;
    @Column(name = "city_group", nullable = false)
    private String cityGroup;
    @Column(name = "company_group", nullable = false)
    private String companyGroup;
    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    private PilotStatus status;
    @Column(name = "milestones_done", nullable = false)
    private int milestonesDone;
    @Column(name = "reminders_sent", nullable = false)
    private int remindersSent;
    @Column(name = "last_report")
    private String lastReport;
    /** Why the city stopped the pilot early; the company reads it on its applications page. */
    @Column(name = "stop_reason")
    private String stopReason;

    protected Pilot() {}

    public Pilot(UUID id, UUID challengeId, UUID applicationId, UUID originalPilotId, String cityGroup, String companyGroup) {
        this(id, challengeId, applicationId, originalPilotId, null, cityGroup, companyGroup);
    }

    public Pilot(UUID id, UUID challengeId, UUID applicationId, UUID originalPilotId, UUID contractId, String cityGroup,
            String companyGroup) {
        this.id = id;
        this.contractId = contractId;
        this.challengeId = challengeId;
        this.applicationId = applicationId;
        this.originalPilotId = originalPilotId;
        this.cityGroup = cityGroup;
        this.companyGroup = companyGroup;
        this.status = PilotStatus.RUNNING;
    }

    public int milestoneReported(String report, boolean continues, String stopReason) {
        milestonesDone++;
        lastReport = report;
        if (!continues) {
            status = PilotStatus.STOPPED_EARLY;
            this.stopReason = stopReason;
        }
        return milestonesDone;
    }

    /** The demo to the local support group was given: the pilot is done (a stopped pilot stays stopped). */
    public void completed() {
        if (status == PilotStatus.RUNNING) {
            status = PilotStatus.COMPLETED;
        }
    }

    public void reminded() {
        remindersSent++;
    }

    public UUID id() { return id; }
    public UUID challengeId() { return challengeId; }
    public UUID applicationId() { return applicationId; }
    public UUID originalPilotId() { return originalPilotId; }
    public UUID contractId() { return contractId; }
    public String cityGroup() { return cityGroup; }
    public String companyGroup() { return companyGroup; }
    public PilotStatus status() { return status; }
    public int milestonesDone() { return milestonesDone; }
    public int remindersSent() { return remindersSent; }
    public String stopReason() { return stopReason; }
}
