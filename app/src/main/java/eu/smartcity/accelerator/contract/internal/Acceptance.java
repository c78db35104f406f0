package eu.smartcity.accelerator.contract.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One party's decision on the exact contract PDF it saw (identified by its SHA-256); retention class:
 * PROCUREMENT_RECORD (on erasure the user id becomes the pseudonym and the remote address is removed). */
@Entity
@Table(name = "contract_acceptance")
public class Acceptance {

    @Id
    private UUID id;
    @Column(name = "contract_id", nullable = false)
    private UUID contractId;
    @Column(nullable = false)
    private String party;
    @Column(nullable = false)
    private String decision;
    @Column(name = "user_id", nullable = false)
    private String userId;
    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;
    @Column(name = "remote_address")
    private String remoteAddress;
    @Column(name = "pdf_sha256")
    private String pdfSha256;
    private String reason;

    protected Acceptance() {}

    public Acceptance(UUID contractId, String party, String decision, String userId, Instant decidedAt, String remoteAddress,
            String pdfSha256, String reason) {
        this.id = UUID.randomUUID();
        this.contractId = contractId;
        this.party = party;
        this.decision = decision;
        this.userId = userId;
        this.decidedAt = decidedAt;
        this.remoteAddress = remoteAddress;
        this.pdfSha256 = pdfSha256;
        this.reason = reason;
    }

    public UUID contractId() { return contractId; }
    public String party() { return party; }
    public String decision() { return decision; }
    public String userId() { return userId; }
    public Instant decidedAt() { return decidedAt; }
    public String remoteAddress() { return remoteAddress; }
    public String pdfSha256() { return pdfSha256; }
    public String reason() { return reason; }
}
