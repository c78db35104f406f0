package eu.smartcity.accelerator.contract.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The contract PDF the parties accept, and once countersigned, the signed PDF (retention class: PROCUREMENT_RECORD;
 * kept unchanged on erasure: the signed PDF is the legal record, the user ids in its signature part of the contract). */
@Entity
@Table(name = "contract_document")
public class ContractFile {

    @Id
    @Column(name = "contract_id")
    private UUID contractId;
    @Column(name = "accepted_pdf", nullable = false)
    private byte[] acceptedPdf;
    @Column(name = "accepted_sha256", nullable = false)
    private String acceptedSha256;
    @Column(name = "frozen_at", nullable = false)
    private Instant frozenAt;
    @Column(name = "signed_pdf")
    private byte[] signedPdf;
    @Column(name = "signed_sha256")
    private String signedSha256;
    @Column(name = "signed_at")
    private Instant signedAt;

    protected ContractFile() {}

    public ContractFile(UUID contractId, byte[] acceptedPdf, String acceptedSha256, Instant frozenAt) {
        this.contractId = contractId;
        this.acceptedPdf = acceptedPdf;
        this.acceptedSha256 = acceptedSha256;
        this.frozenAt = frozenAt;
    }

    public void signed(byte[] pdf, String sha256, Instant at) {
        this.signedPdf = pdf;
        this.signedSha256 = sha256;
        this.signedAt = at;
    }

    public UUID contractId() { return contractId; }
    public byte[] acceptedPdf() { return acceptedPdf; }
    public String acceptedSha256() { return acceptedSha256; }
    public Instant frozenAt() { return frozenAt; }
    public byte[] signedPdf() { return signedPdf; }
    public String signedSha256() { return signedSha256; }
    public Instant signedAt() { return signedAt; }
}
