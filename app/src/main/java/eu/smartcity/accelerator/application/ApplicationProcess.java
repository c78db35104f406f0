package eu.smartcity.accelerator.application;

/** The {@code application} process (business key = application id): what a company's status page shows. */
public final class ApplicationProcess {

    public static final String KEY = "application";

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

    public static final String MESSAGE_ELIGIBILITY_DECIDED = "EligibilityDecided";
    public static final String MESSAGE_SELECTION_DECIDED = "SelectionDecided";
    public static final String MESSAGE_CONTRACT_CONCLUDED = "ContractConcluded";
    public static final String MESSAGE_PILOT_ENDED = "PilotEnded";
    public static final String MESSAGE_PILOT_EVALUATED = "PilotEvaluated";
    public static final String MESSAGE_WITHDRAWN = "ApplicationWithdrawn";
    public static final String MESSAGE_NO_SELECTION_MADE = "NoSelectionMade";
    /** The challenge was withdrawn or its cycle closed: variables {@link #CHALLENGE_ENDING} and {@link #STOP_REASON}. */
    public static final String MESSAGE_CHALLENGE_STOPPED = "ChallengeStopped";
    /** The status the application ended in: {@code CHALLENGE_WITHDRAWN} or {@code CYCLE_CLOSED}. */
    public static final String CHALLENGE_ENDING = "challengeEnding";
    public static final String STOP_REASON = "stopReason";

    public static final String APPLICATION_ID = "applicationId";
    public static final String CHALLENGE_ID = "challengeId";
    public static final String COMPANY_GROUP = "companyGroup";
    public static final String ELIGIBLE = "eligible";
    public static final String SELECTED = "selected";
    public static final String CONTRACT_OUTCOME = "contractOutcome";

    private ApplicationProcess() {}
}
