package eu.smartcity.accelerator.contract;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.workflow.Variable;
import java.util.Date;
import java.util.UUID;

/**
 * The {@code contract} process: key, element ids, messages and typed variables, declared once. Delegates, listeners,
 * task pages and tests name a variable through its {@link Variable} ({@code CONTRACT_ID.from(execution)},
 * {@code DRAFT_DECISION.with(DraftDecision.AGREE)}); a choice is stored as its wire name, which the BPMN conditions
 * compare with ({@code ${draftDecision == 'request-changes'}}).
 */
public final class ContractProcess {

    public static final String KEY = "contract";

    // --- element ids
    public static final String SERVICE_TASK_DRAFT = "ServiceTask_DraftContract";
    public static final String USER_TASK_REVIEW_DRAFT = "UserTask_ReviewDraftAsCompany";
    public static final String USER_TASK_ANSWER_CHANGES = "UserTask_AnswerChangeRequest";
    public static final String USER_TASK_CHECK_COMPLIANCE = "UserTask_CheckCompliance";
    public static final String USER_TASK_SIGN_AS_COMPANY = "UserTask_SignAsCompany";
    public static final String USER_TASK_SIGN_AS_CITY = "UserTask_SignAsCity";
    public static final String BOUNDARY_SIGNATURE_WINDOW_OVER = "BoundaryEvent_SignatureWindowOver";
    /** The city's signature deadline (bylaws citySignatureWindow): the contract expires. */
    public static final String BOUNDARY_CITY_SIGNATURE_WINDOW_OVER = "BoundaryEvent_CitySignatureWindowOver";
    public static final String END_CITY_SIGNATURE_EXPIRED = "EndEvent_CitySignatureExpired";
    /** The negotiation deadline (bylaws negotiationWindow, fixed once as negotiationDeadline), on either party's turn. */
    public static final String BOUNDARY_NEGOTIATION_OVER_COMPANY = "BoundaryEvent_NegotiationOverWhileCompanyReviews";
    public static final String BOUNDARY_NEGOTIATION_OVER_CITY = "BoundaryEvent_NegotiationOverWhileCityAnswers";
    public static final String END_NEGOTIATION_LAPSED = "EndEvent_NegotiationLapsed";
    public static final String SERVICE_TASK_RECORD_EXPIRY = "ServiceTask_RecordExpiry";
    public static final String SERVICE_TASK_ARCHIVE = "ServiceTask_ArchiveSignedContract";
    public static final String END_SIGNED = "EndEvent_ContractSigned";
    public static final String END_DECLINED = "EndEvent_ContractDeclined";
    public static final String END_EXPIRED = "EndEvent_ContractExpired";

    // --- variables passed in by the caller (challenge, replication): the challenge's, declared there
    public static final Variable<UUID> CONTRACT_ID = ChallengeProcess.CONTRACT_ID;
    public static final Variable<UUID> CHALLENGE_ID = ChallengeProcess.CHALLENGE_ID;
    public static final Variable<UUID> APPLICATION_ID = ChallengeProcess.APPLICATION_ID;
    public static final Variable<UUID> CYCLE_ID = ChallengeProcess.CYCLE_ID;
    /** A replication's contract starts from the original case's contract (its agreed clause changes carry over). */
    public static final Variable<UUID> ORIGINAL_CONTRACT_ID = Variable.uuid("originalContractId");
    public static final Variable<String> CITY_GROUP = ChallengeProcess.CITY_GROUP;
    public static final Variable<String> COMPANY_GROUP = ChallengeProcess.COMPANY_GROUP;
    /** The amount published in the OCDS contract release (the requested budget, or a solution's indicative cost). */
    public static final Variable<Double> CONTRACT_AMOUNT = ChallengeProcess.CONTRACT_AMOUNT;
    /** Bylaws durations (ISO-8601). */
    public static final Variable<String> SIGNATURE_WINDOW = ChallengeProcess.SIGNATURE_WINDOW;
    public static final Variable<String> CITY_SIGNATURE_WINDOW = ChallengeProcess.CITY_SIGNATURE_WINDOW;
    public static final Variable<String> NEGOTIATION_WINDOW = ChallengeProcess.NEGOTIATION_WINDOW;
    public static final Variable<String> REMINDER_DELAY = ChallengeProcess.REMINDER_DELAY;
    /** What the contract text states about the pilot (template placeholders, passed on to the pilot). */
    public static final Variable<Integer> MILESTONE_COUNT = ChallengeProcess.MILESTONE_COUNT;
    public static final Variable<String> MILESTONE_CADENCE = ChallengeProcess.MILESTONE_CADENCE;
    /** The negotiation deadline, fixed once from {@link #NEGOTIATION_WINDOW} at the first review. */
    public static final Variable<Date> NEGOTIATION_DEADLINE = Variable.date("negotiationDeadline");

    // --- the company on the draft
    public enum DraftDecision { AGREE, REQUEST_CHANGES }
    public static final Variable<DraftDecision> DRAFT_DECISION = Variable.choice("draftDecision", DraftDecision.class);
    public static final Variable<String> REQUESTED_CHANGES = Variable.string("requestedChanges");
    /** The city's answer: lines like "C5: new text" change clauses (documents.ClauseChange). */
    public static final Variable<String> AGREED_CHANGES = Variable.string("agreedChanges");

    // --- the coordinator's compliance check
    public enum ComplianceDecision { COMPLIES, SEND_BACK }
    public static final Variable<ComplianceDecision> COMPLIANCE_DECISION = Variable.choice("complianceDecision",
            ComplianceDecision.class);
    public static final Variable<String> COMPLIANCE_REMARKS = Variable.string("complianceRemarks");

    // --- signatures
    public static final Variable<Boolean> COMPANY_SIGNS = Variable.bool("companySigns");
    public enum CityDecision { SIGN, DECLINE }
    public static final Variable<CityDecision> CITY_DECISION = Variable.choice("cityDecision", CityDecision.class);
    public static final Variable<String> DECLINE_REASON = Variable.textAboutPeople("declineReason");

    // --- the outcome the caller reads (challenge, replication)
    public static final Variable<ChallengeProcess.ContractOutcome> CONTRACT_OUTCOME = ChallengeProcess.CONTRACT_OUTCOME;

    private ContractProcess() {}
}
