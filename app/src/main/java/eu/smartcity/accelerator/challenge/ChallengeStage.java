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
    CONTRACT_NOT_SIGNED;

    private static final Set<ChallengeStage> ENDINGS =
            EnumSet.of(EVALUATED, NO_APPLICATIONS, NO_ELIGIBLE_APPLICANT, NO_QUORUM, CONTRACT_NOT_SIGNED);

    public boolean ended() {
        return ENDINGS.contains(this);
    }

    /** Published at some point: the call, and everything after it, is public. */
    public boolean published() {
        return this != SUBMITTED && this != SENT_BACK && this != APPROVED;
    }
}
