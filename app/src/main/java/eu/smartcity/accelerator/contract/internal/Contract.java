package eu.smartcity.accelerator.contract.internal;

import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.shared.RuleViolationException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A contract case: changes negotiated against the template, and each party's acceptance or decline (retention class:
 * PROCUREMENT_RECORD; the *_by columns are user ids, pseudonymised on erasure; free text loses the person). */
@Entity
@Table(name = "contract")
public class Contract {

    @Id
    private UUID id;
    @Column(name = "challenge_id", nullable = false)
    private UUID challengeId;
    @Column(name = "application_id", nullable = false)
    private UUID applicationId;
    @Column(name = "original_contract_id")
    private UUID originalContractId;
    @Column(name = "city_group", nullable = false)
    private String cityGroup;
    @Column(name = "company_group", nullable = false)
    private String companyGroup;
    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    private ContractStatus status;
    @Column(name = "negotiation_rounds", nullable = false)
    private int negotiationRounds;
    @Column(name = "requested_changes")
    private String requestedChanges;
    @Column(name = "agreed_changes")
    private String agreedChanges;
    @Column(name = "company_accepted_by")
    private String companyAcceptedBy;
    @Column(name = "company_accepted_at")
    private Instant companyAcceptedAt;
    @Column(name = "city_accepted_by")
    private String cityAcceptedBy;
    @Column(name = "city_accepted_at")
    private Instant cityAcceptedAt;
    @Column(name = "declined_by")
    private String declinedBy;
    @Column(name = "decline_reason")
    private String declineReason;
    @Column(name = "clause_changes")
    private String clauseChanges;
    /** Why the coordinator last sent the contract back as not compliant; the company reads it on the contract page. */
    @Column(name = "compliance_remarks")
    private String complianceRemarks;

    protected Contract() {}

    public Contract(UUID id, UUID challengeId, UUID applicationId, UUID originalContractId, String cityGroup, String companyGroup) {
        this.id = id;
        this.challengeId = challengeId;
        this.applicationId = applicationId;
        this.originalContractId = originalContractId;
        this.cityGroup = cityGroup;
        this.companyGroup = companyGroup;
        this.status = ContractStatus.DRAFT;
    }

    public void changesRequested(String changes) {
        negotiationRounds++;
        requestedChanges = changes;
        status = ContractStatus.NEGOTIATING;
    }

    public void changesAnswered(String agreed) {
        agreedChanges = agreed;
    }

    /** The case's changes to the template so far, one per line; a later line on the same clause wins. */
    public void clauseChangesAgreed(String lines) {
        if (lines == null || lines.isBlank()) {
            return;
        }
        clauseChanges = clauseChanges == null ? lines.strip() : clauseChanges + "\n" + lines.strip();
        if (clauseChanges.length() > 20000) {
            throw new RuleViolationException(ContractProcess.AGREED_CHANGES.name(), "contract.error.agreedChanges",
                    "the changes to this contract exceed 20,000 characters", 20000);
        }
    }

    /** Sent back as not compliant, with what must change; cleared once found compliant. */
    public void notCompliant(String remarks) {
        complianceRemarks = remarks;
    }

    public void compliant() {
        complianceRemarks = null;
    }

    /** Found compliant: the PDF to accept is frozen (a contract already signed or decided keeps its status). */
    public void readyToSign() {
        if (status == ContractStatus.DRAFT || status == ContractStatus.NEGOTIATING) {
            status = ContractStatus.READY_TO_SIGN;
        }
    }

    public void acceptedByCompany(String user, Instant at) {
        companyAcceptedBy = user;
        companyAcceptedAt = at;
        status = ContractStatus.SIGNED_BY_COMPANY;
    }

    public void acceptedByCity(String user, Instant at) {
        cityAcceptedBy = user;
        cityAcceptedAt = at;
        status = ContractStatus.SIGNED;
    }

    public void declinedByCity(String user, String reason) {
        declinedBy = user;
        declineReason = reason;
        status = ContractStatus.DECLINED;
    }

    public void expired() {
        status = ContractStatus.EXPIRED;
    }

    public UUID id() { return id; }
    public UUID challengeId() { return challengeId; }
    public UUID applicationId() { return applicationId; }
    public ContractStatus status() { return status; }
    public int negotiationRounds() { return negotiationRounds; }
    public String declinedBy() { return declinedBy; }
    public String declineReason() { return declineReason; }
    public String complianceRemarks() { return complianceRemarks; }
    public String companyAcceptedBy() { return companyAcceptedBy; }
    public Instant cityAcceptedAt() { return cityAcceptedAt; }
    public Instant companyAcceptedAt() { return companyAcceptedAt; }
    public String cityAcceptedBy() { return cityAcceptedBy; }
    public String cityGroup() { return cityGroup; }
    public String companyGroup() { return companyGroup; }
    public UUID originalContractId() { return originalContractId; }
    public String clauseChanges() { return clauseChanges; }
    public String requestedChanges() { return requestedChanges; }
    public String agreedChanges() { return agreedChanges; }
}
