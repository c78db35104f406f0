package eu.smartcity.accelerator.contract;

/** The {@code contract} process: key, element ids and variables. */
public final class ContractProcess {

    public static final String KEY = "contract";

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
    public static final String NEGOTIATION_DEADLINE = "negotiationDeadline";
    public static final String SERVICE_TASK_ARCHIVE = "ServiceTask_ArchiveSignedContract";
    public static final String END_SIGNED = "EndEvent_ContractSigned";
    public static final String END_DECLINED = "EndEvent_ContractDeclined";
    public static final String END_EXPIRED = "EndEvent_ContractExpired";

    public static final String CONTRACT_ID = "contractId";
    /** The company on the draft: {@link #AGREE} or {@link #REQUEST_CHANGES} (with {@link #REQUESTED_CHANGES}). */
    public static final String DRAFT_DECISION = "draftDecision";
    public static final String AGREE = "agree";
    public static final String REQUEST_CHANGES = "request-changes";
    public static final String REQUESTED_CHANGES = "requestedChanges";
    public static final String AGREED_CHANGES = "agreedChanges";
    /** The coordinator's check: {@link #COMPLIES} or {@link #SEND_BACK} (with {@link #COMPLIANCE_REMARKS}). */
    public static final String COMPLIANCE_DECISION = "complianceDecision";
    public static final String COMPLIES = "complies";
    public static final String SEND_BACK = "send-back";
    public static final String COMPLIANCE_REMARKS = "complianceRemarks";
    public static final String COMPANY_SIGNS = "companySigns";
    /** The city's signature: {@link #SIGN} or {@link #DECLINE} (with {@link #DECLINE_REASON}). */
    public static final String CITY_DECISION = "cityDecision";
    public static final String SIGN = "sign";
    public static final String DECLINE = "decline";
    public static final String DECLINE_REASON = "declineReason";
    public static final String CONTRACT_OUTCOME = "contractOutcome";

    private ContractProcess() {}
}
