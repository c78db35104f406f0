package eu.smartcity.accelerator.privacy;

import eu.smartcity.accelerator.cycle.CycleProcess;
import eu.smartcity.accelerator.workflow.Variable;
import java.util.Date;
import java.util.UUID;

/**
 * The {@code personal-data-erasure} process: a person asked to be erased; they get a receipt, the coordinators decide
 * within one month (GDPR art. 12(3)), reminded before and alerted when it passes; an erasure is confirmed to the
 * person by mail and then carried out, a refusal is mailed with its legal ground. No personal data travels in its
 * variables: the request's row (table {@code erasure_request}) holds who asked and the free text.
 */
public final class ErasureRequestProcess {

    public static final String KEY = "personal-data-erasure";

    public static final String START = "StartEvent_ErasureRequested";
    public static final String SEND_TASK_RECEIPT = "SendTask_SendErasureReceipt";
    public static final String USER_TASK_DECIDE = "UserTask_DecideErasure";
    public static final String GATEWAY_DECISION = "Gateway_ErasureDecision";
    public static final String SEND_TASK_CONFIRM = "SendTask_ConfirmErasure";
    public static final String SERVICE_TASK_ERASE = "ServiceTask_ErasePerson";
    public static final String SEND_TASK_REFUSAL = "SendTask_TellErasureRefused";
    public static final String BOUNDARY_OVERDUE = "BoundaryEvent_ErasureDecisionOverdue";
    public static final String SEND_TASK_ALERT_COORDINATORS = "SendTask_AlertCoordinatorsErasureOverdue";
    public static final String END_ERASED = "EndEvent_PersonErased";
    public static final String END_REFUSED = "EndEvent_ErasureRefused";
    public static final String END_COORDINATORS_ALERTED = "EndEvent_CoordinatorsAlertedOfErasure";

    /** The coordinator's decision (form {@code decide-erasure-request}). */
    public enum ErasureDecision { ERASE, REFUSE }

    /** Why an erasure is refused: GDPR art. 17(3) and art. 12(5). */
    public enum RefusalGround { LEGAL_OBLIGATION, PUBLIC_TASK, LEGAL_CLAIMS, ARCHIVING, MANIFESTLY_UNFOUNDED }

    /** The request (row of {@code erasure_request}): also the process's business key. */
    public static final Variable<UUID> REQUEST_ID = Variable.uuid("erasureRequestId");
    /** When the decision is due: one month after the request (the task's due date and the escalation's timer). */
    public static final Variable<Date> DUE_AT = Variable.date("erasureDueAt");
    /** What task lists and the coordinators' mails call it: "Erasure request 3f9a1c0b" — never the person's name. */
    public static final Variable<String> SUBJECT_TITLE = CycleProcess.SUBJECT_TITLE;
    public static final Variable<ErasureDecision> DECISION = Variable.choice("erasureDecision", ErasureDecision.class);
    public static final Variable<RefusalGround> REFUSAL_GROUND = Variable.choice("refusalGround", RefusalGround.class);
    /** Input of {@link #SEND_TASK_ALERT_COORDINATORS}: the step whose deadline passed. */
    public static final Variable<String> MISSED_STEP = CycleProcess.MISSED_STEP;

    private ErasureRequestProcess() {}
}
