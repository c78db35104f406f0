package eu.smartcity.accelerator.pilot;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.workflow.Variable;
import java.util.List;
import java.util.UUID;

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
    /** The demo was given: the pilot record says COMPLETED (before EndEvent_PilotCompleted tells the caller). */
    public static final String SERVICE_TASK_RECORD_COMPLETED = "ServiceTask_RecordPilotCompleted";
    public static final String END_COMPLETED = "EndEvent_PilotCompleted";
    public static final String END_STOPPED_EARLY = "EndEvent_PilotStoppedEarly";


    public static final String SERVICE_TASK_OPEN_PILOT = "ServiceTask_OpenPilot";
    public static final String END_REMINDER_SENT = "EndEvent_ReminderSent";
    public static final String END_ESCALATION_HANDLED = "EndEvent_EscalationHandled";

    // --- variables passed in by the caller (challenge, replication): declared by the challenge and the contract
    public static final Variable<UUID> PILOT_ID = ChallengeProcess.PILOT_ID;
    /** A replication's pilot: the pilot it replicates. */
    public static final Variable<UUID> ORIGINAL_PILOT_ID = Variable.uuid("originalPilotId");
    public static final Variable<UUID> CONTRACT_ID = ContractProcess.CONTRACT_ID;
    public static final Variable<UUID> CHALLENGE_ID = ContractProcess.CHALLENGE_ID;
    public static final Variable<UUID> APPLICATION_ID = ContractProcess.APPLICATION_ID;
    public static final Variable<String> CITY_GROUP = ContractProcess.CITY_GROUP;
    public static final Variable<String> COMPANY_GROUP = ContractProcess.COMPANY_GROUP;
    /** How many milestones the bylaws ask for; unknown (null), the pilot goes to the demo after the first review. */
    public static final Variable<Integer> MILESTONE_COUNT = ContractProcess.MILESTONE_COUNT;
    /** Bylaws durations (ISO-8601). */
    public static final Variable<String> MILESTONE_CADENCE = ContractProcess.MILESTONE_CADENCE;
    public static final Variable<String> REMINDER_DELAY = ContractProcess.REMINDER_DELAY;
    public static final Variable<String> ESCALATION_DELAY = ChallengeProcess.ESCALATION_DELAY;

    /** Milestones reported and reviewed so far (set by the pilot's steps). */
    public static final Variable<Long> MILESTONES_DONE = Variable.longInteger("milestonesDone");

    /** A yes/no answer of a form (infrastructure checklist, milestone met). */
    public enum Answer { YES, NO }
    public static final Variable<String> KICKOFF_NOTES = Variable.textAboutPeople("kickoffNotes");
    /** The city's infrastructure checklist, each {@link Answer}; what is missing in {@link #READINESS_NOTES}. */
    public static final Variable<Answer> CONNECTIVITY = Variable.choice("connectivity", Answer.class);
    public static final Variable<Answer> POWER = Variable.choice("power", Answer.class);
    public static final Variable<Answer> SIM_NETWORK = Variable.choice("simNetwork", Answer.class);
    public static final Variable<Answer> DATA_ACCESS = Variable.choice("dataAccess", Answer.class);
    public static final List<Variable<Answer>> INFRASTRUCTURE_CHECKS = List.of(CONNECTIVITY, POWER, SIM_NETWORK, DATA_ACCESS);
    public static final Variable<String> READINESS_NOTES = Variable.string("readinessNotes");
    public static final Variable<String> FIX_NOTES = Variable.string("fixNotes");
    /** The company's milestone report and whether the milestone was met. */
    public static final Variable<String> PROGRESS = Variable.textAboutPeople("progress");
    public static final Variable<Answer> MILESTONE_MET = Variable.choice("milestoneMet", Answer.class);
    /** The city's review of a milestone (with {@link #REVIEW_NOTES}, required to stop). */
    public enum ProgressDecision { CONTINUE, STOP }
    public static final Variable<ProgressDecision> PROGRESS_DECISION = Variable.choice("progressDecision", ProgressDecision.class);
    public static final Variable<String> REVIEW_NOTES = Variable.textAboutPeople("reviewNotes");
    public static final Variable<String> DEMO_NOTES = Variable.textAboutPeople("demoNotes");
    /** The coordinator's follow-up of an overdue report. */
    public static final Variable<String> FOLLOW_UP = Variable.textAboutPeople("followUp");

    /** The outcome the caller reads (challenge, replication): the challenge's, declared there. */
    public static final Variable<ChallengeProcess.PilotOutcome> PILOT_OUTCOME = ChallengeProcess.PILOT_OUTCOME;

    private PilotProcess() {}
}
