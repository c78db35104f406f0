package eu.smartcity.accelerator.marketplace;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.cycle.CycleProcess;
import eu.smartcity.accelerator.workflow.Variable;
import java.util.UUID;

/**
 * The {@code framework-join} process: a city asks to join a framework contract; its contracting authority decides
 * within the bylaws' {@code joinApprovalWindow}, else the coordinators are alerted. Key, element ids and typed
 * variables.
 */
public final class FrameworkJoinProcess {

    public static final String KEY = "framework-join";

    public static final String START = "StartEvent_JoinRequested";
    public static final String SERVICE_TASK_CHECK_OPEN = "ServiceTask_CheckFrameworkOpen";
    public static final String GATEWAY_FRAMEWORK_OPEN = "Gateway_FrameworkOpen";
    public static final String USER_TASK_APPROVE_JOIN = "UserTask_ApproveJoin";
    public static final String GATEWAY_JOIN_APPROVED = "Gateway_JoinApproved";
    public static final String BOUNDARY_JOIN_APPROVAL_OVERDUE = "BoundaryEvent_JoinApprovalOverdue";
    public static final String SEND_TASK_ALERT_COORDINATORS = "SendTask_AlertCoordinatorsJoinOverdue";
    public static final String END_JOINED = "EndEvent_JoinApproved";
    public static final String END_REFUSED = "EndEvent_JoinRefused";
    public static final String END_EXPIRED = "EndEvent_FrameworkExpired";
    public static final String END_COORDINATORS_ALERTED = "EndEvent_CoordinatorsAlertedOfJoin";

    /** The authority's decision (form {@code approve-framework-join}), with {@link #JOIN_REMARKS}, which the city sees. */
    public enum JoinDecision { APPROVE, REFUSE }

    /** The join request: also the process's business key. */
    public static final Variable<UUID> JOIN_REQUEST_ID = Variable.uuid("joinRequestId");
    public static final Variable<UUID> FRAMEWORK_ID = Variable.uuid("frameworkId");
    /** The contracting authority's group: the candidates of {@link #USER_TASK_APPROVE_JOIN}. */
    public static final Variable<String> AUTHORITY_GROUP = Variable.string("authorityGroup");
    /** What the coordinators' mails and the task lists call this request: "<city> joins <framework title>". */
    public static final Variable<String> SUBJECT_TITLE = CycleProcess.SUBJECT_TITLE;
    /** Written by {@link #SERVICE_TASK_CHECK_OPEN}: the framework contract is still valid and open to this city. */
    public static final Variable<Boolean> FRAMEWORK_OPEN = Variable.bool("frameworkOpen");
    public static final Variable<JoinDecision> JOIN_DECISION = Variable.choice("joinDecision", JoinDecision.class);
    public static final Variable<String> JOIN_REMARKS = Variable.string("joinRemarks");
    /** Input of {@link #SEND_TASK_ALERT_COORDINATORS}: the step whose deadline passed, named in the coordinators' mail. */
    public static final Variable<String> MISSED_STEP = CycleProcess.MISSED_STEP;

    /** The city asking to join (the model does not read it; the task pages and mails do): the challenge's name. */
    public static final Variable<String> CITY_GROUP = ChallengeProcess.CITY_GROUP;

    private FrameworkJoinProcess() {}
}
