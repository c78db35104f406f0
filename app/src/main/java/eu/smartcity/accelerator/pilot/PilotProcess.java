package eu.smartcity.accelerator.pilot;

/** The {@code pilot} process: key, element ids and variables (the replication's are in {@link ReplicationProcess}). */
public final class PilotProcess {

    public static final String KEY = "pilot";

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

    public static final String PILOT_ID = "pilotId";
    public static final String ORIGINAL_PILOT_ID = "originalPilotId";
    public static final String MILESTONES_DONE = "milestonesDone";
    /** The city's review of a milestone: {@link #CONTINUE} or {@link #STOP} (with {@link #REVIEW_NOTES}). */
    public static final String PROGRESS_DECISION = "progressDecision";
    public static final String CONTINUE = "continue";
    public static final String STOP = "stop";
    public static final String REVIEW_NOTES = "reviewNotes";
    /** The company's report: whether the milestone was met, {@link #YES} or {@link #NO}. */
    public static final String MILESTONE_MET = "milestoneMet";
    /** The city's infrastructure checklist, each {@link #YES} or {@link #NO} (what is missing in {@link #READINESS_NOTES}). */
    public static final java.util.List<String> INFRASTRUCTURE_CHECKS = java.util.List.of("connectivity", "power",
            "simNetwork", "dataAccess");
    public static final String READINESS_NOTES = "readinessNotes";
    public static final String YES = "yes";
    public static final String NO = "no";
    public static final String PILOT_OUTCOME = "pilotOutcome";

    private PilotProcess() {}
}
