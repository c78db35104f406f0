package eu.smartcity.accelerator.application;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an application stands, from submission to the evaluation of its pilot: the one status the company's
 * pages show (message keys {@code status.<NAME>}, and {@code history.<NAME>} for the timeline). Persisted by
 * name in {@code application.status}; each change is kept with its time (the timeline), in the transaction of
 * the process step that makes it.
 */
public enum ApplicationStatus {
    SUBMITTED,
    WITHDRAWN,
    INELIGIBLE,
    /** Eligible: the jury scores it, the coordinator approves the ranking. */
    UNDER_REVIEW,
    NOT_SELECTED,
    /** The challenge ended without selecting anyone (the jury did not reach its quorum). */
    NO_SELECTION,
    /** Selected: the contract is drafted, negotiated, checked. */
    CONTRACTING,
    /** The company signed; the city has yet to sign or decline. */
    COMPANY_SIGNED,
    /** Both signed: the pilot starts (kick-off meeting). */
    CONTRACT_SIGNED,
    /** Kicked off: milestones are reported and reviewed. */
    PILOTING,
    /** The pilot ended (completed or stopped early); the city evaluates it. */
    EVALUATING,
    EVALUATED,
    CONTRACT_DECLINED,
    CONTRACT_EXPIRED,
    /** The coordinator withdrew the challenge before the selection was made. */
    CHALLENGE_WITHDRAWN,
    /** The challenge's cycle closed before the selection was made. */
    CYCLE_CLOSED;

    /** Selected, whatever became of the contract and pilot since. */
    public static final Set<ApplicationStatus> SELECTED = EnumSet.of(CONTRACTING, COMPANY_SIGNED, CONTRACT_SIGNED,
            PILOTING, EVALUATING, EVALUATED, CONTRACT_DECLINED, CONTRACT_EXPIRED);

    /** Nothing will change any more. */
    public boolean isFinal() {
        return EnumSet.of(WITHDRAWN, INELIGIBLE, NOT_SELECTED, NO_SELECTION, EVALUATED, CONTRACT_DECLINED, CONTRACT_EXPIRED,
                CHALLENGE_WITHDRAWN, CYCLE_CLOSED).contains(this);
    }
}
