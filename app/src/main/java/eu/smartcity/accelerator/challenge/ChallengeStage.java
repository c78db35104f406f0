package eu.smartcity.accelerator.challenge;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a challenge stands in its whole life, from the city's definition to how it ended: the one stage
 * every page and the API show (message key {@code challengeStatus.<NAME>}). Persisted by name in
 * {@code challenge.status}; changed only by the challenge process's steps, in their transaction.
 */
public enum ChallengeStage {
    /** Waiting for the coordinator's approval. */
    SUBMITTED,
    /** Sent back to the city with remarks. */
    SENT_BACK,
    /** Approved; the call opens at its (future) opening date. */
    APPROVED,
    /** The call is open (until its deadline; the close-call step then moves it on). */
    PUBLISHED,
    /** Eligibility check, jury scoring and the approval of the selection. */
    SELECTION,
    /** The selected company and the city negotiate and sign the contract. */
    CONTRACTING,
    PILOT_RUNNING,
    /** The city evaluates the pilot. */
    EVALUATION,
    // how it ended
    EVALUATED,
    NO_APPLICATIONS,
    NO_ELIGIBLE_APPLICANT,
    NO_QUORUM,
    CONTRACT_NOT_SIGNED,
    /** The coordinator withdrew the challenge before its contract (with a reason its applicants are told). */
    WITHDRAWN,
    /** Its cycle was closed before the challenge reached its contract. */
    CYCLE_CLOSED;

    private static final Set<ChallengeStage> ENDINGS =
            EnumSet.of(EVALUATED, NO_APPLICATIONS, NO_ELIGIBLE_APPLICANT, NO_QUORUM, CONTRACT_NOT_SIGNED, WITHDRAWN, CYCLE_CLOSED);
    /** A contract, a pilot or an evaluation runs: the challenge is delivering and runs to its own end. */
    private static final Set<ChallengeStage> DELIVERING = EnumSet.of(CONTRACTING, PILOT_RUNNING, EVALUATION);

    /** Not ended and not yet delivering: the challenge may still be withdrawn, or stopped by its cycle's closing. */
    public boolean stoppable() {
        return !ended() && !DELIVERING.contains(this);
    }

    public boolean ended() {
        return ENDINGS.contains(this);
    }

    /** Published at some point: the call, and everything after it, is public. */
    public boolean published() {
        return this != SUBMITTED && this != SENT_BACK && this != APPROVED;
    }
}
