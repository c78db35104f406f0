package eu.smartcity.accelerator.application.internal;

import eu.smartcity.accelerator.application.ApplicationStatus;
import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.shared.NewUntilStored;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One company's application (retention class: PROCUREMENT_RECORD; organisation data, no natural persons). */
@Entity
@Table(name = "application")
class Application extends NewUntilStored {

    /**
     * The id is assigned in the constructor, so Spring Data cannot tell a new row from a stored one: without this,
     * save() would SELECT by id before each INSERT (issue 19: one statement per row saved).
     */


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
    private ApplicationStatus status;
    /**
     * Every status it had, with when (null: before these were kept), oldest first: the company's timeline. Not loaded to
     * append (issue 19, slice appvars; an ordered element collection was read whole before each change): an inverse bag
     * queues the addition while uninitialised and the cascade inserts it, numbered by {@link #statusChanges}.
     */
    @OneToMany(mappedBy = "application", cascade = {CascadeType.PERSIST, CascadeType.REMOVE})
    @OrderBy("seq")
    private List<ApplicationStatusChange> history = new ArrayList<>();
    /**
     * How many status changes it has had: the next one's number. Two changes at once both take the same number and the
     * second to commit fails on the history's primary key (application, seq), as when the whole list was appended to.
     */
    @Column(name = "status_changes", nullable = false)
    private int statusChanges;
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
        this.activeCompany = s.companyGroup();
        moveTo(ApplicationStatus.SUBMITTED, submittedAt);
    }

    void withdraw(Instant at) {
        moveTo(ApplicationStatus.WITHDRAWN, at);
        activeCompany = null;
    }

    void eligibility(List<String> reasons, Instant at) {
        if (reasons.isEmpty()) {
            moveTo(ApplicationStatus.UNDER_REVIEW, at);
        } else {
            moveTo(ApplicationStatus.INELIGIBLE, at);
            ineligibilityReasons = String.join("\n", reasons);
        }
    }

    /** The status changes with the process (see JpaApplications); the history keeps when. */
    void moveTo(ApplicationStatus next, Instant at) {
        if (status != null && status.isFinal()) {
            throw new IllegalStateException("Application " + id + " is " + status + " for good, cannot become " + next);
        }
        status = next;
        history.add(new ApplicationStatusChange(this, statusChanges++, next, at));
    }

    UUID id() { return id; }
    String companyGroup() { return companyGroup; }
    ApplicationStatus status() { return status; }

    List<Applications.StatusChange> history() {
        return history.stream().map(ApplicationStatusChange::view).toList();
    }

    Applications.ApplicationView view() {
        return new Applications.ApplicationView(id, challengeId, companyGroup, solutionTitle, pitch, requestedBudget, trl,
                legalEntity, country, employees, interoperable, declarationsSigned, submittedAt, status.name(),
                ineligibilityReasons == null ? List.of() : Arrays.asList(ineligibilityReasons.split("\n")));
    }

    @Override
    public UUID getId() { return id; }


}
