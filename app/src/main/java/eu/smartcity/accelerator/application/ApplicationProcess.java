package eu.smartcity.accelerator.application;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.workflow.ProcessVariables;
import eu.smartcity.accelerator.workflow.Variable;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Execution;

/** The {@code application} process (business key = application id): what a company's status page shows. */
public final class ApplicationProcess {

    public static final String KEY = "application";

    public static final String START_SUBMITTED = "StartEvent_ApplicationSubmitted";
    public static final String RECEIVE_AWAIT_ELIGIBILITY = "ReceiveTask_AwaitEligibility";
    public static final String RECEIVE_UNDER_REVIEW = "ReceiveTask_UnderReview";
    public static final String RECEIVE_CONTRACTING = "ReceiveTask_Contracting";
    public static final String RECEIVE_PILOTING = "ReceiveTask_Piloting";
    public static final String RECEIVE_EVALUATING = "ReceiveTask_Evaluating";

    public static final String END_WITHDRAWN = "EndEvent_Withdrawn";
    public static final String END_INELIGIBLE = "EndEvent_Ineligible";
    public static final String END_NOT_SELECTED = "EndEvent_NotSelected";
    public static final String END_CONTRACT_NOT_SIGNED = "EndEvent_ContractNotSigned";
    public static final String END_EVALUATED = "EndEvent_Evaluated";
    public static final String END_NO_SELECTION = "EndEvent_NoSelection";
    /** The challenge stopped (withdrawn, cycle closed) during the selection; before it: {@link #END_CHALLENGE_STOPPED_WHILE_SUBMITTED}. */
    public static final String END_CHALLENGE_STOPPED = "EndEvent_ChallengeStopped";
    public static final String END_CHALLENGE_STOPPED_WHILE_SUBMITTED = "EndEvent_ChallengeStoppedWhileSubmitted";

    // Since issue 19 (slice appends) the model has no messages: the portal moves an application on by signalling the
    // execution at its wait state with the state's outcome (Applications), which moves older versions' receive tasks
    // too. Only their boundary and event-subprocess messages are still sent, to instances of those versions:
    /** Older versions only; newer ones get {@link Eligibility#WITHDRAWN}. */
    public static final String MESSAGE_WITHDRAWN = "ApplicationWithdrawn";
    /** Older versions only; newer ones get {@link Selection#NO_SELECTION}. */
    public static final String MESSAGE_NO_SELECTION_MADE = "NoSelectionMade";
    /** Older versions only, with {@link #ENDED_AS} and {@link #STOP_REASON}; newer ones get {@code CHALLENGE_STOPPED} as the outcome of their state. */
    public static final String MESSAGE_CHALLENGE_STOPPED = "ChallengeStopped";

    /** How the application left Submitted: the eligibility check's result, or the company withdrew, or the challenge stopped. */
    public enum Eligibility {
        ELIGIBLE, INELIGIBLE, WITHDRAWN,
        /** With {@link #ENDED_AS} and {@link #STOP_REASON}. */
        CHALLENGE_STOPPED
    }

    /** How the application left Under review: the selection's result for it, or the challenge stopped. */
    public enum Selection {
        SELECTED, NOT_SELECTED,
        /** The challenge ended without a selection (the jury missed its quorum). */
        NO_SELECTION,
        /** With {@link #ENDED_AS} and {@link #STOP_REASON}. */
        CHALLENGE_STOPPED
    }

    /**
     * The status the application ended in when its challenge stopped: {@code CHALLENGE_WITHDRAWN} or {@code CYCLE_CLOSED}
     * (not the challenge's own {@code challengeEnding}, a {@code ChallengeStage}: one name, one type).
     */
    public static final Variable<ApplicationStatus> ENDED_AS = Variable.choice("endedAs", ApplicationStatus.class);
    public static final Variable<String> STOP_REASON = ChallengeProcess.STOP_REASON;

    // the challenge's names (the application is downstream of it)
    /** Not set by the portal since issue 19 (slice appmodel): the business key is the application's id. Older instances have it. */
    public static final Variable<UUID> APPLICATION_ID = ChallengeProcess.APPLICATION_ID;
    /** Not set by the portal since issue 19 (slice appvars): the application's row says it (business key). Older instances have it. */
    public static final Variable<UUID> CHALLENGE_ID = ChallengeProcess.CHALLENGE_ID;
    /** Not set by the portal since issue 19 (slice appvars): the application's row says it (business key). Older instances have it. */
    public static final Variable<String> COMPANY_GROUP = ChallengeProcess.COMPANY_GROUP;
    /**
     * Gateway_Eligible: eligible goes under review, withdrawn and challenge stopped end so, anything else as ineligible.
     * Transient for instances of the current model ({@link #eligibilityAt}), and removed on the flow to Under review.
     */
    public static final Variable<Eligibility> ELIGIBILITY = Variable.choice("eligibilityOutcome", Eligibility.class);

    /**
     * The eligibility outcome for the execution waiting at Submitted. Transient where the process instance itself waits
     * there (models since issue 19, slice appends: Gateway_Eligible, in the signal's transaction, is its only reader);
     * stored where a child execution waits (models before, whose receive task is a scope: their "challenge stopped"
     * event subprocess asks later whether it is set, to tell the two ends apart). Issue 19, slice announce.
     */
    public static Map<String, Object> eligibilityAt(Execution waiting, Eligibility outcome) {
        return ProcessVariables.of(waiting.getId().equals(waiting.getProcessInstanceId())
                ? ELIGIBILITY.withTransient(outcome) : ELIGIBILITY.with(outcome));
    }
    /**
     * Gateway_Selected: selected goes to contracting, no selection and challenge stopped end so, anything else as not
     * selected. Transient when the selection is announced (read by that gateway in the same transaction only); the
     * application's status says it after.
     */
    public static final Variable<Selection> SELECTION = Variable.choice("selectionOutcome", Selection.class);
    /** How the contract process ended ({@code signed}, {@code declined}, or expired), when the application leaves Contracting. */
    public static final Variable<ChallengeProcess.ContractOutcome> CONTRACT_OUTCOME = ChallengeProcess.CONTRACT_OUTCOME;

    private ApplicationProcess() {}
}
