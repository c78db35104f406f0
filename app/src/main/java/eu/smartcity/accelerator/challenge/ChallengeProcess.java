package eu.smartcity.accelerator.challenge;

import eu.smartcity.accelerator.evaluation.EvaluationProcess;
import eu.smartcity.accelerator.workflow.Variable;
import eu.smartcity.accelerator.cycle.Bylaws;
import eu.smartcity.accelerator.cycle.CycleProcess;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import java.util.UUID;

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

    public static final String SERVICE_TASK_SEAT_JURY = "ServiceTask_SeatJury";
    /** Message throw events after the call activities: the selected application follows (named delegates in application.process). */
    public static final String THROW_TELL_CONTRACT_CONCLUDED = "ThrowEvent_TellContractConcluded";
    public static final String THROW_TELL_PILOT_ENDED = "ThrowEvent_TellPilotEnded";
    public static final String THROW_TELL_PILOT_EVALUATED = "ThrowEvent_TellPilotEvaluated";
    /** The "Record outcome" service tasks before the end events (input {@link #CHALLENGE_OUTCOME}). */
    public static final String SERVICE_TASK_RECORD_EVALUATED = "ServiceTask_RecordEvaluated";
    public static final String SERVICE_TASK_RECORD_NO_APPLICATIONS = "ServiceTask_RecordNoApplications";
    public static final String SERVICE_TASK_RECORD_NO_ELIGIBLE_APPLICANT = "ServiceTask_RecordNoEligibleApplicant";
    public static final String SERVICE_TASK_RECORD_NO_QUORUM = "ServiceTask_RecordNoQuorum";
    public static final String SERVICE_TASK_RECORD_CONTRACT_NOT_SIGNED = "ServiceTask_RecordContractNotSigned";

    public static final String END_EVALUATED = "EndEvent_ChallengeEvaluated";
    public static final String END_NO_APPLICATIONS = "EndEvent_NoApplications";
    public static final String END_NO_ELIGIBLE_APPLICANT = "EndEvent_NoEligibleApplicant";
    public static final String END_NO_QUORUM = "EndEvent_NoQuorum";
    public static final String SEND_TELL_NO_SELECTION = "SendTask_TellNoSelection";
    public static final String END_CONTRACT_NOT_SIGNED = "EndEvent_ContractNotSigned";
    public static final String END_SEAT_VACANT = "EndEvent_SeatVacant";

    public static final String MESSAGE_CHALLENGE_WITHDRAWN = "ChallengeWithdrawn";
    public static final String MESSAGE_CYCLE_CLOSED = "CycleClosed";
    public static final String SEND_TELL_CHALLENGE_WITHDRAWN = "SendTask_TellChallengeWithdrawn";
    public static final String SEND_TELL_CYCLE_CLOSED = "SendTask_TellCycleClosed";
    public static final String END_CHALLENGE_WITHDRAWN = "EndEvent_ChallengeWithdrawn";
    public static final String END_CYCLE_CLOSED = "EndEvent_CycleClosed";

    /** The coordinator's decision on a challenge (task UserTask_ApproveChallenge). */
    public enum ChallengeDecision {
        APPROVE, SEND_BACK;

        /** What the engine stores and the model compares with ({@code send-back}). */
        public String wire() {
            return Variable.wireName(this);
        }
    }

    /** A jury member's declaration on the seat (task UserTask_DeclareConflictOfInterest); stored {@code none}/{@code conflict}. */
    public enum ConflictDecision {
        NONE, CONFLICT;

        public String wire() {
            return Variable.wireName(this);
        }
    }

    /** The coordinator's decision on the ranking (task UserTask_ApproveSelection). */
    public enum SelectionDecision {
        APPROVE, REOPEN;

        public String wire() {
            return Variable.wireName(this);
        }
    }

    /** Asking, with the approval of a selection, to go beyond quotas.pilotsPerCity where the bylaws allow it. */
    public enum QuotaOverride {
        EXCEED;

        public String wire() {
            return Variable.wireName(this);
        }
    }

    // variables; a name the challenge shares with a process upstream in the module graph (the cycle, the evaluation)
    // is declared there and aliased here, so each name is typed once
    public static final Variable<UUID> CHALLENGE_ID = EvaluationProcess.CHALLENGE_ID;
    /** The cycle the challenge runs in (its bylaws are pinned there). */
    public static final Variable<UUID> CYCLE_ID = CycleProcess.CYCLE_ID;
    /** The city's group: candidates of the city's tasks ({@code ${cityGroup}}, e.g. {@code city-mechelen}). */
    public static final Variable<String> CITY_GROUP = EvaluationProcess.CITY_GROUP;
    /**
     * The challenge's definition (form {@code define-challenge}, the portal's first definition and the revise task):
     * set at launch so the revise form opens pre-filled, read back when the city revises it.
     */
    public static final Variable<String> TITLE = Variable.string("title");
    public static final Variable<String> PROBLEM = Variable.string("problem");
    public static final Variable<String> OPEN_DATASETS = Variable.string("openDatasets");
    /** Whole euros (the form's number field). */
    public static final Variable<Long> BUDGET_CAP = Variable.longInteger("budgetCap");
    public static final Variable<String> KPIS = Variable.string("kpis");
    public static final Variable<String> LANGUAGES = Variable.string("languages");
    /** Minimum technology readiness level, 1–9. */
    public static final Variable<Long> MIN_TRL = Variable.longInteger("minTrl");
    /** The coordinator's decision on a challenge; a send-back comes with {@link #REMARKS}. */
    public static final Variable<ChallengeDecision> CHALLENGE_DECISION = Variable.choice("challengeDecision", ChallengeDecision.class);
    public static final Variable<String> REMARKS = Variable.string("remarks");
    /**
     * Fields of the approval task: the call's opening and closing dates as the coordinator approves them (pre-filled
     * with the city's proposal; local date and time in Europe/Brussels, {@code 2027-03-01T17:00}; empty: defaults).
     */
    public static final Variable<String> CALL_OPENS_AT = Variable.string("callOpensAt");
    public static final Variable<String> CALL_CLOSES_AT = Variable.string("callClosesAt");
    /** Set at approval from the stored window: the timers' {@code timeDate}s, and whether to wait for the opening. */
    public static final Variable<Date> CALL_OPENING_DATE = Variable.date("callOpeningDate");
    public static final Variable<Date> CALL_CLOSING_DATE = Variable.date("callClosingDate");
    public static final Variable<Boolean> CALL_OPENS_LATER = Variable.bool("callOpensLater");
    public static final Variable<Long> APPLICATION_COUNT = Variable.longInteger("applicationCount");
    public static final Variable<Long> ELIGIBLE_COUNT = Variable.longInteger("eligibleCount");
    /** The member holding a jury seat (the multi-instance element variable). */
    public static final Variable<String> JURY_MEMBER = Variable.string("juryMember");
    /**
     * A jury member's declaration; a conflict comes with {@link #CONFLICT_REASON}. Transient (JuryMarking): it lives in
     * the completing transaction only, for the gateway after the task; the declaration itself is the jury seat's row.
     */
    public static final Variable<ConflictDecision> CONFLICT_DECISION = Variable.choice("conflictDecision", ConflictDecision.class);
    /** Form field of the conflict declaration; kept on the jury seat by JuryMarking, never a process variable. */
    public static final Variable<String> CONFLICT_REASON = Variable.textAboutPeople("conflictReason");
    /**
     * The juror's marks (form {@code score-application}), whole numbers 0–10 named as the bylaws' scoring criteria:
     * form fields, not process variables — JuryMarking keeps them in jury_score.
     */
    public static final Variable<Long> FIT = Variable.longInteger(Bylaws.FIT);
    public static final Variable<Long> INNOVATION = Variable.longInteger(Bylaws.INNOVATION);
    public static final Variable<Long> TEAM = Variable.longInteger(Bylaws.TEAM);
    public static final Variable<Long> PRICE = Variable.longInteger(Bylaws.PRICE);
    public static final Variable<Long> REPLICABILITY = Variable.longInteger(Bylaws.REPLICABILITY);
    public static final Variable<Long> OPEN_DATA_USE = Variable.longInteger(Bylaws.OPEN_DATA_USE);
    /** The marks in the bylaws' order ({@link Bylaws#CRITERIA}). */
    public static final List<Variable<Long>> CRITERIA = List.of(FIT, INNOVATION, TEAM, PRICE, REPLICABILITY, OPEN_DATA_USE);
    /** Form field of the score task beside the criteria; kept with the juror's marks, never a process variable. */
    public static final Variable<String> SCORE_COMMENT = Variable.textAboutPeople("comment");
    /** Scoring round (1, then +1 each time the coordinator re-opens the selection). */
    public static final Variable<Long> JURY_ROUND = Variable.longInteger("juryRound");
    public static final Variable<Boolean> REPLACEMENT_FOUND = Variable.bool("replacementFound");
    /** The application a score task is about (element variable of the scoring multi-instance). */
    public static final Variable<UUID> APPLICATION_ID = Variable.uuid("applicationId");
    public static final Variable<Boolean> QUORUM_REACHED = Variable.bool("quorumReached");
    /** The first of the ranking, which the coordinator's approval selects. */
    public static final Variable<UUID> TOP_APPLICATION_ID = Variable.uuid("topApplicationId");
    /** The coordinator's decision on the ranking; a re-opening comes with {@link #SELECTION_REMARKS}. */
    public static final Variable<SelectionDecision> SELECTION_DECISION = Variable.choice("selectionDecision", SelectionDecision.class);
    public static final Variable<String> SELECTION_REMARKS = Variable.textAboutPeople("selectionRemarks");
    /** Approving beyond quotas.pilotsPerCity where the bylaws allow it (quotas.overridable), with the reason. */
    public static final Variable<QuotaOverride> QUOTA_OVERRIDE = Variable.choice("quotaOverride", QuotaOverride.class);
    public static final Variable<String> QUOTA_OVERRIDE_REASON = Variable.string("quotaOverrideReason");
    public static final Variable<UUID> SELECTED_APPLICATION_ID = Variable.uuid("selectedApplicationId");
    public static final Variable<String> COMPANY_GROUP = EvaluationProcess.COMPANY_GROUP;
    /** What the selected company asked for: the contract's amount (EUR). */
    public static final Variable<Double> CONTRACT_AMOUNT = Variable.decimal("contractAmount");
    public static final Variable<UUID> CONTRACT_ID = Variable.uuid("contractId");
    public static final Variable<UUID> PILOT_ID = EvaluationProcess.PILOT_ID;
    public static final Variable<UUID> EVALUATION_ID = EvaluationProcess.EVALUATION_ID;
    /**
     * How a contract process ended, which its caller reads (its out-mapping) and passes on to the application: stored
     * {@code signed}, {@code declined}, {@code expired}. Declared here, upstream of the contract and the application.
     */
    public enum ContractOutcome { SIGNED, DECLINED, EXPIRED }
    public static final Variable<ContractOutcome> CONTRACT_OUTCOME = Variable.choice("contractOutcome", ContractOutcome.class);
    /** How a pilot process ended (its out-mapping): stored {@code completed}, {@code stopped-early}. */
    public enum PilotOutcome { COMPLETED, STOPPED_EARLY }
    public static final Variable<PilotOutcome> PILOT_OUTCOME = Variable.choice("pilotOutcome", PilotOutcome.class);
    /** The evaluation's verdict (its out-mapping), declared by the evaluation's contract. */
    public static final Variable<EvaluationProcess.Verdict> VERDICT = EvaluationProcess.VERDICT;
    /**
     * How many milestones the bylaws ask of a pilot ({@code milestonesPerPilot}), passed on to the contract (its text)
     * and the pilot (its loop); unknown (null), the pilot goes to the demo after the first review.
     */
    public static final Variable<Integer> MILESTONE_COUNT = Variable.integer("milestoneCount");
    /** Input of the two stop send tasks: the stage the challenge ended in ({@code WITHDRAWN} or {@code CYCLE_CLOSED}). */
    public static final Variable<ChallengeStage> CHALLENGE_ENDING = Variable.choice("challengeEnding", ChallengeStage.class);
    /** Input of the "Record outcome" service tasks: the stage the challenge ends in. */
    public static final Variable<ChallengeStage> CHALLENGE_OUTCOME = Variable.choice("challengeOutcome", ChallengeStage.class);
    /** Why the coordinator withdrew the challenge (empty when its cycle closed). */
    public static final Variable<String> STOP_REASON = Variable.string("stopReason");
    /**
     * The bylaws' durations and deadlines the model reads (ISO-8601 strings, {@code P14D}): named as in rules.yaml,
     * said once in {@link Bylaws}, aliased here. At launch the process receives all of them ({@link #DURATIONS}).
     */
    public static final Variable<String> APPROVAL_WINDOW = Variable.string(Bylaws.APPROVAL_WINDOW);
    public static final Variable<String> JURY_WINDOW = Variable.string(Bylaws.JURY_WINDOW);
    public static final Variable<String> SIGNATURE_WINDOW = Variable.string(Bylaws.SIGNATURE_WINDOW);
    public static final Variable<String> CITY_SIGNATURE_WINDOW = Variable.string(Bylaws.CITY_SIGNATURE_WINDOW);
    public static final Variable<String> NEGOTIATION_WINDOW = Variable.string(Bylaws.NEGOTIATION_WINDOW);
    public static final Variable<String> MILESTONE_CADENCE = Variable.string(Bylaws.MILESTONE_CADENCE);
    public static final Variable<String> REMINDER_DELAY = Variable.string(Bylaws.REMINDER_DELAY);
    public static final Variable<String> ESCALATION_DELAY = Variable.string(Bylaws.ESCALATION_DELAY);
    /** Every bylaws duration and deadline, copied into the process at launch. */
    public static final List<String> DURATIONS = Stream.concat(Bylaws.DURATIONS.stream(), Bylaws.DEADLINES.stream()).toList();

    private ChallengeProcess() {}
}
