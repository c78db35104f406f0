package eu.smartcity.accelerator.marketplace.frameworks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A city's request to join a framework contract; decided by the contracting authority in {@code framework-join}
 * (retention class: PROCUREMENT_RECORD; requested_by and decided_by are user ids, pseudonymised on erasure). */
@Entity
@Table(name = "market_join_request")
public class JoinRequest {

    public static final String REQUESTED = "REQUESTED";
    public static final String APPROVED = "APPROVED";
    public static final String REFUSED = "REFUSED";
    public static final String EXPIRED = "EXPIRED";

    @Id
    private UUID id;
    @Column(name = "framework_id", nullable = false)
    private UUID frameworkId;
    @Column(name = "city_group", nullable = false)
    private String cityGroup;
    @Column(name = "requested_by", nullable = false)
    private String requestedBy;
    @Column(nullable = false)
    private String status;
    private String remarks;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;
    @Column(name = "decided_at")
    private Instant decidedAt;

    protected JoinRequest() {}

    public JoinRequest(UUID id, UUID frameworkId, String cityGroup, String requestedBy, Instant requestedAt) {
        this.id = id;
        this.frameworkId = frameworkId;
        this.cityGroup = cityGroup;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.status = REQUESTED;
    }

    public void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public void decided(String status, String by, String remarks, Instant at) {
        this.status = status;
        this.decidedBy = by;
        this.remarks = remarks;
        this.decidedAt = at;
    }

    public boolean pendingOrApproved() {
        return REQUESTED.equals(status) || APPROVED.equals(status);
    }

    public UUID id() { return id; }
    public UUID frameworkId() { return frameworkId; }
    public String cityGroup() { return cityGroup; }
    public String requestedBy() { return requestedBy; }
    public String status() { return status; }
    public String remarks() { return remarks; }
    public String decidedBy() { return decidedBy; }
    public String processInstanceId() { return processInstanceId; }
    public Instant requestedAt() { return requestedAt; }
    public Instant decidedAt() { return decidedAt; }
}
