package eu.smartcity.accelerator.marketplace;

/** The {@code framework-join} process: a city asks to join a framework contract; its contracting authority decides. */
public final class FrameworkJoinProcess {

    public static final String KEY = "framework-join";

    public static final String SERVICE_TASK_CHECK_OPEN = "ServiceTask_CheckFrameworkOpen";
    public static final String USER_TASK_APPROVE_JOIN = "UserTask_ApproveJoin";
    public static final String END_JOINED = "EndEvent_JoinApproved";
    public static final String END_REFUSED = "EndEvent_JoinRefused";
    public static final String END_EXPIRED = "EndEvent_FrameworkExpired";

    public static final String JOIN_REQUEST_ID = "joinRequestId";
    public static final String FRAMEWORK_ID = "frameworkId";
    public static final String AUTHORITY_GROUP = "authorityGroup";
    public static final String CITY_GROUP = "cityGroup";
    public static final String FRAMEWORK_OPEN = "frameworkOpen";
    /** The authority's decision: {@link #APPROVE} or {@link #REFUSE} (with {@link #JOIN_REMARKS}, which the city sees). */
    public static final String JOIN_DECISION = "joinDecision";
    public static final String APPROVE = "approve";
    public static final String REFUSE = "refuse";
    public static final String JOIN_REMARKS = "joinRemarks";

    private FrameworkJoinProcess() {}
}
