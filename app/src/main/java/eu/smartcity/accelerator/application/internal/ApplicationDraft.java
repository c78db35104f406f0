package eu.smartcity.accelerator.application.internal;

import eu.smartcity.accelerator.application.ApplicationDrafts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A company's unfinished application (retention class: PERSONAL_OPERATIONAL: deleted on submission, when the company
 * discards it, when the person who saved it is erased, and the operational period after its call closed).
 */
@Entity
@Table(name = "application_draft")
class ApplicationDraft {

    @Id
    private UUID id;
    @Column(name = "challenge_id", nullable = false)
    private UUID challengeId;
    @Column(name = "company_group", nullable = false)
    private String companyGroup;
    @Column(name = "solution_title")
    private String solutionTitle;
    private String pitch;
    @Column(name = "requested_budget")
    private BigDecimal requestedBudget;
    private Integer trl;
    @Column(name = "legal_entity", nullable = false)
    private boolean legalEntity;
    private String country;
    private Integer employees;
    @Column(nullable = false)
    private boolean interoperable;
    @Column(name = "declarations_signed", nullable = false)
    private boolean declarationsSigned;
    @Column(name = "saved_by", nullable = false)
    private String savedBy;
    @Column(name = "saved_at", nullable = false)
    private Instant savedAt;

    protected ApplicationDraft() {}

    ApplicationDraft(UUID challengeId, String companyGroup) {
        this.id = UUID.randomUUID();
        this.challengeId = challengeId;
        this.companyGroup = companyGroup;
    }

    void fill(ApplicationDrafts.Draft d, String savedBy, Instant savedAt) {
        this.solutionTitle = d.solutionTitle();
        this.pitch = d.pitch();
        this.requestedBudget = d.requestedBudget();
        this.trl = d.trl();
        this.legalEntity = d.legalEntity();
        this.country = d.country();
        this.employees = d.employees();
        this.interoperable = d.interoperable();
        this.declarationsSigned = d.declarationsSigned();
        this.savedBy = savedBy;
        this.savedAt = savedAt;
    }

    ApplicationDrafts.Draft view() {
        return new ApplicationDrafts.Draft(challengeId, companyGroup, solutionTitle, pitch, requestedBudget, trl, legalEntity,
                country, employees, interoperable, declarationsSigned, savedAt);
    }
}
