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
    public static final String SERVICE_TASK_ARCHIVE = "ServiceTask_ArchiveSignedContract";
    public static final String END_SIGNED = "EndEvent_ContractSigned";
    public static final String END_DECLINED = "EndEvent_ContractDeclined";
    public static final String END_EXPIRED = "EndEvent_ContractExpired";

    public static final String CONTRACT_ID = "contractId";
    public static final String COMPANY_AGREES = "companyAgrees";
    public static final String REQUESTED_CHANGES = "requestedChanges";
    public static final String AGREED_CHANGES = "agreedChanges";
    public static final String COMPLIANT = "compliant";
    public static final String COMPANY_SIGNS = "companySigns";
    public static final String CITY_SIGNS = "citySigns";
    public static final String DECLINE_REASON = "declineReason";
    public static final String CONTRACT_OUTCOME = "contractOutcome";

    private ContractProcess() {}
}
