package eu.smartcity.accelerator.application.internal;

import eu.smartcity.accelerator.application.Applications;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One company's application (retention class: PROCUREMENT_RECORD; organisation data, no natural persons). */
@Entity
@Table(name = "application")
class Application {

    enum Status { SUBMITTED, WITHDRAWN, INELIGIBLE, UNDER_REVIEW, SELECTED, NOT_SELECTED, CONTRACTING, PILOTING,
        EVALUATING, EVALUATED, CONTRACT_NOT_SIGNED }

    @Id
    private UUID id;
    @Column(name = "challenge_id", nullable = false)
    private UUID challengeId;
    @Column(name = "company_group", nullable = false)
    private String companyGroup;
    @Column(name = "solution_title", nullable = false)
    private String solutionTitle;
    @Column(nullable = false)
    private String pitch;
    @Column(name = "requested_budget", nullable = false)
    private BigDecimal requestedBudget;
    @Column(nullable = false)
    private int trl;
    @Column(name = "legal_entity", nullable = false)
    private boolean legalEntity;
    @Column(nullable = false)
    private String country;
    @Column(nullable = false)
    private int employees;
    @Column(nullable = false)
    private boolean interoperable;
    @Column(name = "declarations_signed", nullable = false)
    private boolean declarationsSigned;
    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    /** The eligibility table's reason codes, one per line, when ineligible (rows before issue #17 hold its English reasons). */
    @Column(name = "ineligibility_reasons")
    private String ineligibilityReasons;
    /** The company while this application is live, null once withdrawn: unique per challenge (one live application each). */
    @Column(name = "active_company")
    private String activeCompany;

    protected Application() {}

    Application(Applications.Submission s, Instant submittedAt) {
        this.id = UUID.randomUUID();
        this.challengeId = s.challengeId();
        this.companyGroup = s.companyGroup();
        this.solutionTitle = s.solutionTitle();
        this.pitch = s.pitch();
        this.requestedBudget = s.requestedBudget();
        this.trl = s.trl();
        this.legalEntity = s.legalEntity();
        this.country = s.country();
        this.employees = s.employees();
        this.interoperable = s.interoperable();
        this.declarationsSigned = s.declarationsSigned();
        this.submittedAt = submittedAt;
        this.status = Status.SUBMITTED;
        this.activeCompany = s.companyGroup();
    }

    void withdraw() {
        status = Status.WITHDRAWN;
        activeCompany = null;
    }

    void eligibility(List<String> reasons) {
        if (reasons.isEmpty()) {
            status = Status.UNDER_REVIEW;
        } else {
            status = Status.INELIGIBLE;
            ineligibilityReasons = String.join("\n", reasons);
        }
    }

    void selection(boolean selected) { status = selected ? Status.CONTRACTING : Status.NOT_SELECTED; }

    void contract(boolean signed) { status = signed ? Status.PILOTING : Status.CONTRACT_NOT_SIGNED; }

    void pilotEnded() { status = Status.EVALUATING; }

    void evaluated() { status = Status.EVALUATED; }

    UUID id() { return id; }
    String companyGroup() { return companyGroup; }
    Status status() { return status; }

    Applications.ApplicationView view() {
        return new Applications.ApplicationView(id, challengeId, companyGroup, solutionTitle, pitch, requestedBudget, trl,
                legalEntity, country, employees, interoperable, declarationsSigned, submittedAt, status.name(),
                ineligibilityReasons == null ? List.of() : Arrays.asList(ineligibilityReasons.split("\n")));
    }
}
