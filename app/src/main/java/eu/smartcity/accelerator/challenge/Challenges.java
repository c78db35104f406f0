package eu.smartcity.accelerator.challenge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A city's challenges: launch one (its process starts), read them, know whether the call is open. */
public interface Challenges {

    /** What a city officer fills in (the define-challenge form). */
    record Definition(String title, String problem, String openDatasets, BigDecimal budgetCap, String kpis,
            String languages, int minTrl) {}

    /** {@code status} is the name of the challenge's {@link ChallengeStage} (message key {@code challengeStatus.<status>}). */
    record ChallengeView(UUID id, UUID cycleId, String cityGroup, String title, String problem, String openDatasets,
            BigDecimal budgetCap, String kpis, String languages, int minTrl, String status, String remarks,
            Instant callClosesAt, String processInstanceId) {

        public ChallengeStage stage() {
            return ChallengeStage.valueOf(status);
        }

        public boolean acceptsApplications(Instant now) {
            return stage() == ChallengeStage.PUBLISHED && callClosesAt != null && now.isBefore(callClosesAt);
        }
    }

    /** What a city funds beside the pilot (message key {@code extra.kind.<NAME>}; English name for documents and OCDS). */
    enum ExtraKind {
        EQUIPMENT("Equipment"), DATA_ACCESS("Data access"), OTHER("Other");

        private final String english;

        ExtraKind(String english) {
            this.english = english;
        }

        public String english() {
            return english;
        }
    }

    /**
     * One thing the city buys on top of the pilot (call 2: "the city buys missing equipment on top of the € 10,000"):
     * outside the pilot budget, so neither the budget cap nor the eligibility check counts it.
     */
    record Extra(ExtraKind kind, String description, BigDecimal amount) {}

    /** Creates the challenge under the cycle's pinned bylaws and starts its process; returns its id. */
    default UUID launch(UUID cycleId, String cityGroup, Definition definition) {
        return launch(cycleId, cityGroup, definition, CallWindow.DEFAULT);
    }

    /**
     * As above, with the call window the city proposes (checked against the bylaws' bounds,
     * {@code challenge.error.callOpensAt}/{@code callClosesAt} next to the fields).
     */
    UUID launch(UUID cycleId, String cityGroup, Definition definition, CallWindow proposed);

    /**
     * A call's opening and closing dates. Proposed by the city, either may be empty: the call then opens when the
     * coordinator approves it, and closes the bylaws' {@code callWindow} after it opens.
     */
    record CallWindow(Instant opensAt, Instant closesAt) {
        public static final CallWindow DEFAULT = new CallWindow(null, null);
    }

    /** What the city proposed (for the coordinator's approval task). */
    CallWindow proposedWindow(UUID challengeId);

    /** The approved window (both dates set once the coordinator approved; closesAt as in {@link ChallengeView}). */
    CallWindow callWindow(UUID challengeId);

    /** A coordinator's extension or early closing of an open call: who, when, why; the closing date before and after. */
    record CallWindowChange(UUID id, UUID challengeId, Kind kind, Instant closesBefore, Instant closesAfter, String reason,
            String changedBy, Instant changedAt) {
        public enum Kind { EXTENDED, CLOSED_EARLY }
    }

    /**
     * Moves the open call's closing date later (within the bylaws' callWindowMax from its opening); the timer
     * follows. Publishes {@link CallWindowChanged} in the transaction, so applicants and draft-holders hear of it.
     */
    CallWindowChange extendCall(UUID challengeId, Instant newClosesAt, String reason, String coordinator);

    /** The checks of {@link #extendCall} without the change (for a confirmation step); a violation names its field. */
    void checkExtension(UUID challengeId, Instant newClosesAt, String reason);

    /** Closes the open call now: its timer fires, the selection starts as at a normal close ({@link CallWindowChanged}). */
    CallWindowChange closeCallEarly(UUID challengeId, String reason, String coordinator);

    /** Every extension and early closing, oldest first. */
    List<CallWindowChange> callWindowChanges(UUID challengeId);

    /** Event: an open call was extended or closed early (listeners run in the change's transaction). */
    record CallWindowChanged(UUID challengeId, String title, CallWindowChange change) {}

    /** As {@link #launch(UUID, String, Definition)}, with what the city funds beside the pilot ({@link ExtraLines} rules). */
    UUID launch(UUID cycleId, String cityGroup, Definition definition, List<Extra> extras);

    /** As {@link #launch(UUID, String, Definition)}, with the proposed call window and what the city funds beside the pilot. */
    UUID launch(UUID cycleId, String cityGroup, Definition definition, CallWindow proposed, List<Extra> extras);

    /** What the city funds beside the pilot, in the order it entered them. */
    List<Extra> extrasOf(UUID challengeId);

    /**
     * Replaces what the city funds beside the pilot, while the challenge awaits approval or was sent back;
     * afterwards the call says what it says ({@link eu.smartcity.accelerator.shared.RuleViolationException} otherwise).
     */
    void changeExtras(UUID challengeId, List<Extra> extras);

    Optional<ChallengeView> find(UUID challengeId);

    List<ChallengeView> ofCity(String cityGroup);

    List<ChallengeView> published();

    /** Every challenge of a cycle, whatever its stage (for the coordinator's dashboard). */
    List<ChallengeView> ofCycle(UUID cycleId);

    /** One sending back for revision: the coordinator's remarks and when. */
    record Remark(String remarks, Instant sentBackAt) {}

    /** Every time the challenge was sent back, oldest first. */
    List<Remark> remarksOf(UUID challengeId);

    /** The languages a contract can be written in (language tags), the default first. */
    List<String> CONTRACT_LANGUAGES = List.of("en", "nl", "fr");

    /**
     * The language of the challenge's contract: the city's choice, else the first of the challenge's languages a contract
     * can be written in (the city's own, as it lists it first), else English. Empty for an unknown challenge.
     */
    Optional<java.util.Locale> contractLanguage(UUID challengeId);

    /**
     * The city chooses the contract's language (one of {@link #CONTRACT_LANGUAGES}), until a contract is drawn up
     * ({@link eu.smartcity.accelerator.shared.RuleViolationException} on field {@code contractLanguage} otherwise).
     */
    void chooseContractLanguage(UUID challengeId, String language);

    /** The call window is over: no more applications or withdrawals; the selection begins. */
    void closeCall(UUID challengeId);

    /**
     * The coordinator withdraws a challenge that has not reached its contract (a reason is required): its process
     * stops (message ChallengeWithdrawn), its stage becomes WITHDRAWN and every application still waiting ends.
     */
    void withdraw(UUID challengeId, String reason, String coordinator);

    /**
     * The cycle closed: each of its challenges that has not reached its contract stops (message CycleClosed, stage
     * CYCLE_CLOSED); those contracting, piloting or evaluating run to their own end. Returns the stopped ones.
     */
    List<UUID> stopWithClosedCycle(UUID cycleId);
}
