package eu.smartcity.accelerator.pilot;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.contract.ContractProcess;

import eu.smartcity.accelerator.workflow.Variable;
import java.util.UUID;

/**
 * The {@code replication} process: a city replicates a piloted solution. The supplier confirms within the bylaws'
 * {@code replicationConfirmationWindow} (else the request lapses and the marketplace record says so), a contract is
 * prepared from the original's, then the new pilot runs; only a pilot that ran to its end counts as replicated.
 * Key, element ids and typed variables.
 */
public final class ReplicationProcess {

    public static final String KEY = "replication";

    public static final String START = "StartEvent_ReplicationRequested";
    public static final String USER_TASK_SUPPLIER_CONFIRMS = "UserTask_SupplierConfirms";
    public static final String GATEWAY_SUPPLIER_CONFIRMS = "Gateway_SupplierConfirms";
    public static final String BOUNDARY_CONFIRMATION_WINDOW_OVER = "BoundaryEvent_ConfirmationWindowOver";
    public static final String SERVICE_TASK_RECORD_LAPSE = "ServiceTask_RecordReplicationLapsed";
    public static final String SERVICE_TASK_PREPARE_REPLICATION = "ServiceTask_PrepareReplication";
    public static final String CALL_ACTIVITY_CONTRACT = "CallActivity_Contract";
    public static final String GATEWAY_CONTRACT_SIGNED = "Gateway_ContractSigned";
    public static final String CALL_ACTIVITY_PILOT = "CallActivity_Pilot";
    public static final String GATEWAY_PILOT_COMPLETED = "Gateway_PilotCompleted";
    public static final String END_REPLICATED = "EndEvent_Replicated";
    public static final String END_REPLICATION_STOPPED_EARLY = "EndEvent_ReplicationStoppedEarly";
    public static final String END_SUPPLIER_DECLINED = "EndEvent_SupplierDeclined";
    public static final String END_SUPPLIER_DID_NOT_ANSWER = "EndEvent_SupplierDidNotAnswer";
    public static final String END_REPLICATION_NOT_CONTRACTED = "EndEvent_ReplicationNotContracted";

    /** The supplier's answer (form {@code confirm-replication}); a decline needs {@link #REPLICATION_NOTES}. */
    public enum ReplicationDecision { CONFIRM, DECLINE }

    /** The marketplace's replication request (also the business key, when started from the marketplace). */
    public static final Variable<UUID> REPLICATION_ID = Variable.uuid("replicationId");
    /** The pilot being replicated: the new contract starts from its contract, the new pilot links to it. */
    public static final Variable<UUID> ORIGINAL_PILOT_ID = PilotProcess.ORIGINAL_PILOT_ID;
    public static final Variable<ReplicationDecision> REPLICATION_DECISION = Variable.choice("replicationDecision",
            ReplicationDecision.class);
    public static final Variable<String> REPLICATION_NOTES = Variable.textAboutPeople("replicationNotes");

    // --- names the calling and called processes own, the same variables here (declared once, there)
    public static final Variable<UUID> CHALLENGE_ID = ContractProcess.CHALLENGE_ID;
    public static final Variable<UUID> APPLICATION_ID = ContractProcess.APPLICATION_ID;
    public static final Variable<UUID> CYCLE_ID = ContractProcess.CYCLE_ID;
    public static final Variable<UUID> CONTRACT_ID = ContractProcess.CONTRACT_ID;
    /** The original case's contract, which the new contract starts from. */
    public static final Variable<UUID> ORIGINAL_CONTRACT_ID = ContractProcess.ORIGINAL_CONTRACT_ID;
    public static final Variable<UUID> PILOT_ID = PilotProcess.PILOT_ID;
    public static final Variable<String> CITY_GROUP = ContractProcess.CITY_GROUP;
    public static final Variable<String> COMPANY_GROUP = ContractProcess.COMPANY_GROUP;
    public static final Variable<Double> CONTRACT_AMOUNT = ContractProcess.CONTRACT_AMOUNT;
    public static final Variable<Integer> MILESTONE_COUNT = PilotProcess.MILESTONE_COUNT;
    public static final Variable<String> MILESTONE_CADENCE = PilotProcess.MILESTONE_CADENCE;
    public static final Variable<String> REMINDER_DELAY = PilotProcess.REMINDER_DELAY;
    public static final Variable<String> ESCALATION_DELAY = PilotProcess.ESCALATION_DELAY;
    public static final Variable<String> SIGNATURE_WINDOW = ContractProcess.SIGNATURE_WINDOW;
    public static final Variable<String> CITY_SIGNATURE_WINDOW = ContractProcess.CITY_SIGNATURE_WINDOW;
    public static final Variable<String> NEGOTIATION_WINDOW = ContractProcess.NEGOTIATION_WINDOW;
    /** How the called processes ended (their gateways here read them). */
    public static final Variable<ChallengeProcess.ContractOutcome> CONTRACT_OUTCOME = ContractProcess.CONTRACT_OUTCOME;
    public static final Variable<ChallengeProcess.PilotOutcome> PILOT_OUTCOME = PilotProcess.PILOT_OUTCOME;

    private ReplicationProcess() {}
}
