package eu.smartcity.accelerator.challenge.internal;

import eu.smartcity.accelerator.challenge.Challenges;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A city's challenge (retention class: PROCUREMENT_RECORD; holds no personal data). */
@Entity
@Table(name = "challenge")
class Challenge {

    enum Status { SUBMITTED, SENT_BACK, PUBLISHED, CLOSED, ENDED }

    @Id
    private UUID id;
    @Column(name = "cycle_id", nullable = false)
    private UUID cycleId;
    @Column(name = "city_group", nullable = false)
    private String cityGroup;
    @Column(nullable = false)
    private String title;
    @Column(nullable = false)
    private String problem;
    @Column(name = "open_datasets")
    private String openDatasets;
    @Column(name = "budget_cap", nullable = false)
    private BigDecimal budgetCap;
    private String kpis;
    private String languages;
    @Column(name = "min_trl", nullable = false)
    private int minTrl;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    /** How it ended (EVALUATED, NO_APPLICATIONS, NO_ELIGIBLE_APPLICANT, NO_QUORUM, CONTRACT_NOT_SIGNED). */
    private String outcome;
    private String remarks;
    @Column(name = "call_closes_at")
    private Instant callClosesAt;
    @Column(name = "process_instance_id")
    private String processInstanceId;

    protected Challenge() {}

    Challenge(UUID cycleId, String cityGroup, Challenges.Definition d) {
        this.id = UUID.randomUUID();
        this.cycleId = cycleId;
        this.cityGroup = cityGroup;
        this.status = Status.SUBMITTED;
        define(d);
    }

    void define(Challenges.Definition d) {
        this.title = d.title();
        this.problem = d.problem();
        this.openDatasets = d.openDatasets();
        this.budgetCap = d.budgetCap();
        this.kpis = d.kpis();
        this.languages = d.languages();
        this.minTrl = d.minTrl();
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void sentBack(String remarks) {
        this.status = Status.SENT_BACK;
        this.remarks = remarks;
    }

    void resubmitted(Challenges.Definition d) {
        define(d);
        this.status = Status.SUBMITTED;
    }

    void published(Instant callClosesAt) {
        this.status = Status.PUBLISHED;
        this.callClosesAt = callClosesAt;
    }

    void callClosed() {
        this.status = Status.CLOSED;
    }

    void ended(String outcome) {
        this.status = Status.ENDED;
        this.outcome = outcome;
    }

    UUID id() { return id; }
    UUID cycleId() { return cycleId; }
    String cityGroup() { return cityGroup; }
    String title() { return title; }
    int minTrl() { return minTrl; }
    BigDecimal budgetCap() { return budgetCap; }
    String outcome() { return outcome; }

    Challenges.ChallengeView view() {
        return new Challenges.ChallengeView(id, cycleId, cityGroup, title, problem, openDatasets, budgetCap, kpis,
                languages, minTrl, outcome != null ? outcome : status.name(), remarks, callClosesAt, processInstanceId);
    }
}
