package eu.smartcity.accelerator.marketplace.replication;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A city started the replication process from an implementation (the id is the process's business key;
 * retention class: PROCUREMENT_RECORD; requested_by is a user id, pseudonymised on erasure). */
@Entity
@Table(name = "market_replication")
public class Replication {

    @Id
    private UUID id;
    @Column(name = "implementation_id", nullable = false)
    private UUID implementationId;
    @Column(name = "city_group", nullable = false)
    private String cityGroup;
    @Column(name = "requested_by", nullable = false)
    private String requestedBy;
    @Column(name = "process_instance_id", nullable = false)
    private String processInstanceId;
    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;
    /** Why the supplier declined to replicate; the requesting city reads it on the solution page. */
    @Column(name = "supplier_decline_reason")
    private String supplierDeclineReason;

    /** When the supplier let the request lapse (no answer within the bylaws' replicationConfirmationWindow). */
    @Column(name = "lapsed_at")
    private Instant lapsedAt;

    /** Set while the replication runs, unique (V127): a second running one for the same implementation and city cannot be stored. */
    @Column(name = "running_key")
    private String runningKey;

    protected Replication() {}

    public Replication(UUID id, UUID implementationId, String cityGroup, String requestedBy, String processInstanceId, Instant at) {
        this.id = id;
        this.implementationId = implementationId;
        this.cityGroup = cityGroup;
        this.requestedBy = requestedBy;
        this.processInstanceId = processInstanceId;
        this.requestedAt = at;
        this.runningKey = runningKey(implementationId, cityGroup);
    }

    static String runningKey(UUID implementationId, String cityGroup) {
        return implementationId + ":" + cityGroup;
    }

    /** Its process has ended: another replication for this implementation and city may start. */
    void ended() {
        runningKey = null;
    }

    boolean holdsRunningKey() {
        return runningKey != null;
    }

    public UUID id() { return id; }
    public UUID implementationId() { return implementationId; }
    public String cityGroup() { return cityGroup; }
    public String processInstanceId() { return processInstanceId; }
    public Instant requestedAt() { return requestedAt; }
    public String supplierDeclineReason() { return supplierDeclineReason; }

    public Instant lapsedAt() { return lapsedAt; }

    public void declinedBySupplier(String reason) {
        supplierDeclineReason = reason;
    }

    /** The supplier did not answer in time: the request lapsed, and the city may ask again at once. */
    public void lapsed(Instant at) {
        lapsedAt = at;
        ended();
    }
}
