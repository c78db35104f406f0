package eu.smartcity.accelerator.challenge.internal;

import eu.smartcity.accelerator.challenge.ChallengeStage;
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

/** A city's challenge (retention class: PROCUREMENT_RECORD; only its latest remarks may name a person, whom erasure removes). */
@Entity
@Table(name = "challenge")
class Challenge {

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
    /** The stage, how it ended included (column status, by name). */
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private ChallengeStage stage;
    private String remarks;
    @Column(name = "call_closes_at")
    private Instant callClosesAt;
    /** The call window proposed by the city, then fixed by the coordinator's approval (empty: the defaults). */
    @Column(name = "window_opens_at")
    private Instant windowOpensAt;
    @Column(name = "window_closes_at")
    private Instant windowClosesAt;
    /** When the call opened (its approved opening date; set once published, like callClosesAt). */
    @Column(name = "call_opens_at")
    private Instant callOpensAt;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    /** The language the city chose for the contract (en, nl, fr); null: derived from {@link #languages}. */
    @Column(name = "contract_language")
    private String contractLanguage;

    protected Challenge() {}

    Challenge(UUID cycleId, String cityGroup, Challenges.Definition d, Challenges.CallWindow proposed) {
        this.id = UUID.randomUUID();
        this.cycleId = cycleId;
        this.cityGroup = cityGroup;
        this.stage = ChallengeStage.SUBMITTED;
        define(d);
        this.windowOpensAt = proposed.opensAt();
        this.windowClosesAt = proposed.closesAt();
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
        this.stage = ChallengeStage.SENT_BACK;
        this.remarks = remarks;
    }

    void resubmitted(Challenges.Definition d) {
        define(d);
        this.stage = ChallengeStage.SUBMITTED;
    }

    /** The coordinator approved, with the window's dates fixed (opening in the future: the call waits for it). */
    void approved(Instant opens, Instant closes) {
        this.stage = ChallengeStage.APPROVED;
        this.windowOpensAt = opens;
        this.windowClosesAt = closes;
    }

    /**
     * The call opens, from the approved opening date (a late timer, after downtime, does not move it) until the
     * approved closing date.
     */
    void published(Instant now) {
        this.stage = ChallengeStage.PUBLISHED;
        this.callOpensAt = windowOpensAt != null ? windowOpensAt : now;
        this.callClosesAt = windowClosesAt;
    }

    /** An open call gets a later closing date. */
    void extended(Instant closes) {
        if (stage != ChallengeStage.PUBLISHED) {
            throw new IllegalStateException("Challenge " + id + " is " + stage + ", its call is not open");
        }
        this.windowClosesAt = closes;
        this.callClosesAt = closes;
    }

    /** A coordinator closes the open call now; the close-call step follows (and keeps this instant). */
    void closedEarly(Instant now) {
        this.callClosesAt = now;
    }

    /**
     * The call window is over. Closed before its announced deadline (its timer executed early, as the demo and the
     * tests do, or by hand in Cockpit), the deadline becomes the moment it really closed: no application came after.
     */
    void callClosed(Instant at) {
        entered(ChallengeStage.SELECTION);
        if (callClosesAt == null || at.isBefore(callClosesAt)) {
            callClosesAt = at;
        }
    }

    /** A later step of the process (selection, contracting, pilot, evaluation) or how the challenge ended. */
    void entered(ChallengeStage next) {
        if (stage.ended()) {
            throw new IllegalStateException("Challenge " + id + " already ended (" + stage + "), cannot enter " + next);
        }
        this.stage = next;
    }

    UUID id() { return id; }
    UUID cycleId() { return cycleId; }
    String cityGroup() { return cityGroup; }
    String title() { return title; }
    int minTrl() { return minTrl; }
    BigDecimal budgetCap() { return budgetCap; }
    ChallengeStage stage() { return stage; }
    Instant callClosesAt() { return callClosesAt; }
    Instant callOpensAt() { return callOpensAt; }
    String processInstanceId() { return processInstanceId; }
    String contractLanguage() { return contractLanguage; }
    String languages() { return languages; }

    void chooseContractLanguage(String language) {
        this.contractLanguage = language;
    }

    Challenges.CallWindow proposedWindow() {
        return new Challenges.CallWindow(windowOpensAt, windowClosesAt);
    }

    Challenges.ChallengeView view() {
        return new Challenges.ChallengeView(id, cycleId, cityGroup, title, problem, openDatasets, budgetCap, kpis,
                languages, minTrl, stage.name(), remarks, callClosesAt, processInstanceId);
    }
}
