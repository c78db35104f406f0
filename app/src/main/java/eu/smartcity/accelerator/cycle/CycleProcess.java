package eu.smartcity.accelerator.cycle;

import eu.smartcity.accelerator.workflow.Variable;
import java.util.UUID;

/**
 * The {@code accelerator-cycle} process: a cycle runs under its pinned bylaws until a coordinator closes it (the
 * coordinators are alerted when it outlives the bylaws' {@code cycleLength}); closing stops the challenges not yet
 * contracting and writes the cycle report. Key, element ids and typed variables. The business key is the cycle id.
 */
public final class CycleProcess {

    public static final String KEY = "accelerator-cycle";

    public static final String START = "StartEvent_CycleOpened";
    public static final String USER_TASK_CLOSE_CYCLE = "UserTask_CloseCycle";
    public static final String SEND_TASK_STOP_OPEN_CHALLENGES = "SendTask_StopOpenChallenges";
    public static final String SERVICE_TASK_WRITE_CYCLE_REPORT = "ServiceTask_WriteCycleReport";
    public static final String BOUNDARY_CYCLE_OVERDUE = "BoundaryEvent_CycleOverdue";
    public static final String SEND_TASK_ALERT_COORDINATORS = "SendTask_AlertCoordinatorsCycleOverdue";
    public static final String END_CYCLE_CLOSED = "EndEvent_CycleClosed";
    public static final String END_COORDINATORS_ALERTED = "EndEvent_CoordinatorsAlertedOfCycle";

    /** Form {@code close-cycle}: the coordinator confirms the cycle closes (required, always true). */
    public static final Variable<Boolean> CLOSE_CONFIRMED = Variable.bool("closeConfirmed");
    /** What mails and task lists call this process's subject: the cycle's name. */
    public static final Variable<String> SUBJECT_TITLE = Variable.string("subjectTitle");
    /**
     * Input of the coordinators' alert ({@link #SEND_TASK_ALERT_COORDINATORS}, and every process's escalation send
     * task): the step whose deadline passed, named in the mail.
     */
    public static final Variable<String> MISSED_STEP = Variable.string("missedStep");

    /** The bylaws version the cycle runs under (pinned at opening). */
    public static final Variable<String> BYLAWS_VERSION = Variable.string("bylawsVersion");
    /** Bylaws durations copied in at opening (ISO-8601): the cycle's expected length, the reminders' lead. */
    public static final Variable<String> CYCLE_LENGTH = Variable.string(Bylaws.CYCLE_LENGTH);
    public static final Variable<String> REMINDER_DELAY = Variable.string(Bylaws.REMINDER_DELAY);
    /** The cycle (also the business key); the challenge's contract aliases it (ChallengeProcess.CYCLE_ID). */
    public static final Variable<UUID> CYCLE_ID = Variable.uuid("cycleId");

    private CycleProcess() {}
}
