package eu.smartcity.accelerator.challenge;

/** The {@code challenge} process: its key, element ids and variable names, for delegates and tests. */
public final class ChallengeProcess {

    public static final String KEY = "challenge";

    public static final String USER_TASK_APPROVE_CHALLENGE = "UserTask_ApproveChallenge";
    public static final String USER_TASK_REVISE_CHALLENGE = "UserTask_ReviseChallenge";
    public static final String GATEWAY_CALL_OPENS_LATER = "Gateway_CallOpensLater";
    public static final String TIMER_CALL_OPENS = "TimerEvent_CallOpens";
    public static final String SERVICE_TASK_PUBLISH_CALL = "ServiceTask_PublishCall";
    public static final String TIMER_CALL_WINDOW_OVER = "TimerEvent_CallWindowOver";
    public static final String SERVICE_TASK_CLOSE_CALL = "ServiceTask_CloseCall";
    public static final String SERVICE_TASK_CHECK_ELIGIBILITY = "ServiceTask_CheckEligibility";
    public static final String SUB_PROCESS_JURY_SEAT = "SubProcess_JurySeat";
    public static final String USER_TASK_DECLARE_CONFLICT = "UserTask_DeclareConflictOfInterest";
    public static final String USER_TASK_SCORE_APPLICATION = "UserTask_ScoreApplication";
    public static final String BOUNDARY_JURY_WINDOW_OVER = "BoundaryEvent_JuryWindowOver";
    public static final String SERVICE_TASK_RANK_APPLICATIONS = "ServiceTask_RankApplications";
    public static final String USER_TASK_APPROVE_SELECTION = "UserTask_ApproveSelection";
    public static final String SERVICE_TASK_ANNOUNCE_SELECTION = "ServiceTask_AnnounceSelection";
    public static final String CALL_ACTIVITY_CONTRACT = "CallActivity_Contract";
    public static final String CALL_ACTIVITY_PILOT = "CallActivity_Pilot";
    public static final String CALL_ACTIVITY_EVALUATION = "CallActivity_Evaluation";

    public static final String END_EVALUATED = "EndEvent_ChallengeEvaluated";
    public static final String END_NO_APPLICATIONS = "EndEvent_NoApplications";
    public static final String END_NO_ELIGIBLE_APPLICANT = "EndEvent_NoEligibleApplicant";
    public static final String END_NO_QUORUM = "EndEvent_NoQuorum";
    public static final String SEND_TELL_NO_SELECTION = "SendTask_TellNoSelection";
    public static final String END_CONTRACT_NOT_SIGNED = "EndEvent_ContractNotSigned";
    public static final String END_SEAT_VACANT = "EndEvent_SeatVacant";

    // variables
    public static final String CHALLENGE_ID = "challengeId";
    public static final String CYCLE_ID = "cycleId";
    public static final String CITY_GROUP = "cityGroup";
    /** The coordinator's decision on a challenge: {@link #APPROVE} or {@link #SEND_BACK} (with {@link #REMARKS}). */
    public static final String CHALLENGE_DECISION = "challengeDecision";
    public static final String APPROVE = "approve";
    public static final String SEND_BACK = "send-back";
    public static final String REMARKS = "remarks";
    /**
     * Fields of the approval task: the call's opening and closing dates as the coordinator approves them (pre-filled
     * with the city's proposal; local date and time in Europe/Brussels, {@code 2027-03-01T17:00}; empty: defaults).
     */
    public static final String CALL_OPENS_AT = "callOpensAt";
    public static final String CALL_CLOSES_AT = "callClosesAt";
    /** Set at approval from the stored window (Date): the timers' {@code timeDate}s, and whether to wait for the opening. */
    public static final String CALL_OPENING_DATE = "callOpeningDate";
    public static final String CALL_CLOSING_DATE = "callClosingDate";
    public static final String CALL_OPENS_LATER = "callOpensLater";
    public static final String APPLICATION_COUNT = "applicationCount";
    public static final String ELIGIBLE_COUNT = "eligibleCount";
    public static final String JURY_MEMBER = "juryMember";
    /** A jury member's declaration, local to the seat: {@link #NO_CONFLICT} or {@link #CONFLICT} (with {@link #CONFLICT_REASON}). */
    public static final String CONFLICT_DECISION = "conflictDecision";
    public static final String NO_CONFLICT = "none";
    public static final String CONFLICT = "conflict";
    /** Form field of the conflict declaration; kept on the jury seat by JuryMarking, never a process variable. */
    public static final String CONFLICT_REASON = "conflictReason";
    /** Form field of the score task beside the criteria; kept with the juror's marks, never a process variable. */
    public static final String SCORE_COMMENT = "comment";
    /** Scoring round (1, then +1 each time the coordinator re-opens the selection). */
    public static final String JURY_ROUND = "juryRound";
    public static final String REPLACEMENT_FOUND = "replacementFound";
    public static final String APPLICATION_ID = "applicationId";
    public static final String QUORUM_REACHED = "quorumReached";
    /** The coordinator's decision on the ranking: {@link #APPROVE} or {@link #REOPEN} (with {@link #SELECTION_REMARKS}). */
    public static final String SELECTION_DECISION = "selectionDecision";
    public static final String REOPEN = "reopen";
    public static final String SELECTION_REMARKS = "selectionRemarks";
    /** Approving beyond quotas.pilotsPerCity where the bylaws allow it (quotas.overridable), with the reason. */
    public static final String QUOTA_OVERRIDE = "quotaOverride";
    public static final String QUOTA_OVERRIDE_REASON = "quotaOverrideReason";
    /** {@link #QUOTA_OVERRIDE}'s value that asks for the exception (anything else, or nothing, keeps to the quota). */
    public static final String EXCEED = "exceed";
    public static final String SELECTED_APPLICATION_ID = "selectedApplicationId";
    public static final String COMPANY_GROUP = "companyGroup";
    public static final String CONTRACT_ID = "contractId";
    public static final String PILOT_ID = "pilotId";
    public static final String EVALUATION_ID = "evaluationId";
    public static final String CONTRACT_OUTCOME = "contractOutcome";
    public static final String PILOT_OUTCOME = "pilotOutcome";
    public static final String VERDICT = "verdict";
    public static final String MILESTONE_COUNT = "milestoneCount";
    public static final String MESSAGE_CHALLENGE_WITHDRAWN = "ChallengeWithdrawn";
    public static final String MESSAGE_CYCLE_CLOSED = "CycleClosed";
    public static final String SEND_TELL_CHALLENGE_WITHDRAWN = "SendTask_TellChallengeWithdrawn";
    public static final String SEND_TELL_CYCLE_CLOSED = "SendTask_TellCycleClosed";
    public static final String END_CHALLENGE_WITHDRAWN = "EndEvent_ChallengeWithdrawn";
    public static final String END_CYCLE_CLOSED = "EndEvent_CycleClosed";
    /** Input of the two stop send tasks: the stage the challenge ended in ({@code WITHDRAWN} or {@code CYCLE_CLOSED}). */
    public static final String CHALLENGE_ENDING = "challengeEnding";
    /** Why the coordinator withdrew the challenge (empty when its cycle closed). */
    public static final String STOP_REASON = "stopReason";
    /** Bylaws durations copied into the process at launch (ISO-8601 strings), named as in rules.yaml. */
    public static final String[] DURATIONS = {"approvalWindow", "callWindow", "juryWindow", "signatureWindow",
            "milestoneCadence", "reminderDelay", "escalationDelay", "citySignatureWindow", "negotiationWindow",
            "replicationConfirmationWindow"};

    private ChallengeProcess() {}
}
