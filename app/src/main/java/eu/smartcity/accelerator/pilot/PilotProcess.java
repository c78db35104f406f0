package eu.smartcity.accelerator.pilot;

/** The {@code pilot} and {@code replication} processes: keys, element ids and variables. */
public final class PilotProcess {

    public static final String KEY = "pilot";
    public static final String REPLICATION_KEY = "replication";

    public static final String USER_TASK_KICK_OFF = "UserTask_KickOff";
    public static final String USER_TASK_CHECK_INFRASTRUCTURE = "UserTask_CheckInfrastructure";
    public static final String USER_TASK_FIX_INFRASTRUCTURE = "UserTask_FixInfrastructure";
    public static final String USER_TASK_REPORT_PROGRESS = "UserTask_ReportProgress";
    public static final String USER_TASK_REVIEW_PROGRESS = "UserTask_ReviewProgress";
    public static final String USER_TASK_DEMO = "UserTask_DemoToSupportGroup";
    public static final String USER_TASK_HANDLE_OVERDUE = "UserTask_HandleOverdueReport";
    public static final String BOUNDARY_REMINDER = "BoundaryEvent_ReportReminder";
    public static final String BOUNDARY_OVERDUE = "BoundaryEvent_ReportOverdue";
    public static final String SERVICE_TASK_REMIND = "ServiceTask_RemindCompany";
    public static final String END_COMPLETED = "EndEvent_PilotCompleted";
    public static final String END_STOPPED_EARLY = "EndEvent_PilotStoppedEarly";

    public static final String USER_TASK_SUPPLIER_CONFIRMS = "UserTask_SupplierConfirms";
    public static final String END_REPLICATED = "EndEvent_Replicated";
    public static final String END_SUPPLIER_DECLINED = "EndEvent_SupplierDeclined";
    public static final String END_REPLICATION_NOT_CONTRACTED = "EndEvent_ReplicationNotContracted";

    public static final String PILOT_ID = "pilotId";
    public static final String ORIGINAL_PILOT_ID = "originalPilotId";
    public static final String MILESTONES_DONE = "milestonesDone";
    public static final String CONTINUE_PILOT = "continuePilot";
    public static final String PILOT_OUTCOME = "pilotOutcome";

    private PilotProcess() {}
}
