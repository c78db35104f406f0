package eu.smartcity.accelerator.pilot;

import eu.smartcity.accelerator.workflow.ProcessVariables;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import static eu.smartcity.accelerator.pilot.PilotProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.pilot.ReplicationProcess.ReplicationDecision;
import eu.smartcity.accelerator.pilot.internal.Pilot;
import eu.smartcity.accelerator.pilot.internal.Pilots;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.ContractCase;
import eu.smartcity.accelerator.support.ProcessTestBase;
import eu.smartcity.accelerator.workflow.ProcessVariables;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Another city adopts a finished pilot: supplier confirms, a contract from the original, a new linked pilot. */
@AcceleratorTest
class ReplicationProcessTest extends ProcessTestBase {

    static final Map<String, Object> CONFIRMED = ProcessVariables.of(ReplicationProcess.REPLICATION_DECISION.with(ReplicationDecision.CONFIRM));

    @Autowired JdbcTemplate jdbc;
    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired Pilots pilots;
    @Autowired eu.smartcity.accelerator.opendata.OcdsPublisher ocds;

    /** A pilot that ran in Bruges. */
    String originalPilot() {
        UUID id = UUID.randomUUID();
        ContractCase original = ContractCase.of(context, "city-bruges", "company-greengrid");
        pilots.save(new Pilot(id, original.challengeId(), original.applicationId(), null, UUID.randomUUID(), "city-bruges",
                "company-greengrid"));
        return id.toString();
    }

    ProcessInstance replicationFor(String originalPilotId) {
        Map<String, Object> v = deliveryVariables();
        v.remove(PILOT_ID.name());
        v.remove(PilotProcess.CONTRACT_ID.name());
        v.put(ReplicationProcess.ORIGINAL_PILOT_ID.name(), originalPilotId);
        v.put(PilotProcess.CITY_GROUP.name(), "city-delft");
        return start(ReplicationProcess.KEY, v);
    }

    /** The contract starts from the original's; one negotiation round and one compliance remark on the way. */
    void contractSigned(ProcessInstance replication, boolean citySigns) {
        driver.complete(replication.getId(), ContractProcess.USER_TASK_REVIEW_DRAFT,
                ProcessVariables.of(ContractProcess.DRAFT_DECISION.with(ContractProcess.DraftDecision.REQUEST_CHANGES), ContractProcess.REQUESTED_CHANGES.with("C2: Delft as the city")));
        driver.complete(replication.getId(), ContractProcess.USER_TASK_ANSWER_CHANGES, ProcessVariables.of(ContractProcess.AGREED_CHANGES.with("C2")));
        driver.complete(replication.getId(), ContractProcess.USER_TASK_REVIEW_DRAFT, ProcessVariables.of(ContractProcess.DRAFT_DECISION.with(ContractProcess.DraftDecision.AGREE)));
        driver.complete(replication.getId(), ContractProcess.USER_TASK_CHECK_COMPLIANCE, ProcessVariables.of(ContractProcess.COMPLIANCE_DECISION.with(ContractProcess.ComplianceDecision.SEND_BACK),
                ContractProcess.COMPLIANCE_REMARKS.with("Name Delft in C2")));
        driver.complete(replication.getId(), ContractProcess.USER_TASK_REVIEW_DRAFT, ProcessVariables.of(ContractProcess.DRAFT_DECISION.with(ContractProcess.DraftDecision.AGREE)));
        driver.complete(replication.getId(), ContractProcess.USER_TASK_CHECK_COMPLIANCE, ProcessVariables.of(ContractProcess.COMPLIANCE_DECISION.with(ContractProcess.ComplianceDecision.COMPLIES)));
        driver.complete(replication.getId(), ContractProcess.USER_TASK_SIGN_AS_COMPANY, ProcessVariables.of(ContractProcess.COMPANY_SIGNS.with(true)));
        driver.complete(replication.getId(), ContractProcess.USER_TASK_SIGN_AS_CITY, citySigns ? ProcessVariables.of(ContractProcess.CITY_DECISION.with(ContractProcess.CityDecision.SIGN))
                : ProcessVariables.of(ContractProcess.CITY_DECISION.with(ContractProcess.CityDecision.DECLINE), ContractProcess.DECLINE_REASON.with("Other priorities")));
    }

    @Test
    void shouldEndInPilotReplicatedLinkedToTheOriginal() {
        String original = originalPilot();
        ProcessInstance replication = replicationFor(original);
        assertThat(replication).task().hasCandidateGroup("company-greengrid");
        driver.complete(replication.getId(), ReplicationProcess.USER_TASK_SUPPLIER_CONFIRMS, CONFIRMED);
        contractSigned(replication, true);
        driver.complete(replication.getId(), USER_TASK_KICK_OFF, ProcessVariables.of(PilotProcess.KICKOFF_NOTES.with("Delft kick-off")));
        driver.complete(replication.getId(), USER_TASK_CHECK_INFRASTRUCTURE,
                ProcessVariables.of(PilotProcess.CONNECTIVITY.with(PilotProcess.Answer.YES), PilotProcess.POWER.with(PilotProcess.Answer.YES), PilotProcess.SIM_NETWORK.with(PilotProcess.Answer.YES), PilotProcess.DATA_ACCESS.with(PilotProcess.Answer.NO),
                        PilotProcess.READINESS_NOTES.with("Data access pending")));
        driver.complete(replication.getId(), USER_TASK_FIX_INFRASTRUCTURE, ProcessVariables.of(PilotProcess.FIX_NOTES.with("Data access granted")));
        driver.complete(replication.getId(), USER_TASK_CHECK_INFRASTRUCTURE,
                ProcessVariables.of(PilotProcess.CONNECTIVITY.with(PilotProcess.Answer.YES), PilotProcess.POWER.with(PilotProcess.Answer.YES), PilotProcess.SIM_NETWORK.with(PilotProcess.Answer.YES), PilotProcess.DATA_ACCESS.with(PilotProcess.Answer.YES)));
        driver.fireTimer(replication.getId(), BOUNDARY_REMINDER);
        driver.fireTimer(replication.getId(), BOUNDARY_OVERDUE);
        driver.complete(replication.getId(), USER_TASK_HANDLE_OVERDUE, ProcessVariables.of(PilotProcess.FOLLOW_UP.with("Called")));
        for (int milestone = 1; milestone <= 2; milestone++) {
            driver.complete(replication.getId(), USER_TASK_REPORT_PROGRESS, ProcessVariables.of(PilotProcess.PROGRESS.with("ok"), PilotProcess.MILESTONE_MET.with(PilotProcess.Answer.YES)));
            driver.complete(replication.getId(), USER_TASK_REVIEW_PROGRESS, ProcessVariables.of(PilotProcess.PROGRESS_DECISION.with(PilotProcess.ProgressDecision.CONTINUE)));
        }
        driver.complete(replication.getId(), USER_TASK_DEMO, ProcessVariables.of(PilotProcess.DEMO_NOTES.with("Delft support group")));

        assertThat(replication).isEnded().hasPassed(ReplicationProcess.END_REPLICATED);
        // Cockpit names the called contract and pilot by their ids
        for (String[] called : new String[][] {{ContractProcess.KEY, PilotProcess.CONTRACT_ID.name()}, {PilotProcess.KEY, PilotProcess.PILOT_ID.name()}}) {
            Object id = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(replication.getId())
                    .variableName(called[1]).singleResult().getValue();
            assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().superProcessInstanceId(replication.getId())
                    .processDefinitionKey(called[0]).singleResult().getBusinessKey()).isNotNull().isEqualTo(id);
        }
        assertThat(jdbc.queryForList("select city_group from pilot where original_pilot_id = ?", String.class, UUID.fromString(original)))
                .containsExactly("city-delft");

        // the replication's contract links to the original contract, and is its own OCDS process related to it as prior
        Pilot originalPilot = pilots.findById(UUID.fromString(original)).orElseThrow();
        UUID contract = jdbc.queryForObject("select id from contract where original_contract_id = ?", UUID.class,
                originalPilot.contractId());
        String ocid = ocds.ocidFor(contract.toString());
        String published = jdbc.queryForObject("select release_json from ocds_release where ocid = ? and tag = 'tender'",
                String.class, ocid);
        org.assertj.core.api.Assertions.assertThat(published).contains("\"prior\"")
                .contains("\"identifier\":\"" + ocds.ocidFor(originalPilot.challengeId().toString()) + "\"")
                .contains("\"procurementMethod\":\"limited\"").contains("Municipality of Delft");
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject(
                "select count(*) from ocds_release where ocid = ? and tag = 'implementation'", Integer.class, ocid)).isEqualTo(2);
    }

    @Test
    void shouldEndInSupplierDeclinedWhenTheSupplierDoesNotConfirm() {
        ProcessInstance replication = replicationFor(originalPilot());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> driver.complete(replication.getId(), ReplicationProcess.USER_TASK_SUPPLIER_CONFIRMS,
                ProcessVariables.of(ReplicationProcess.REPLICATION_DECISION.with(ReplicationDecision.DECLINE))))
                .hasRootCauseInstanceOf(eu.smartcity.accelerator.forms.DecisionRuleException.class).hasMessageContaining(ReplicationProcess.REPLICATION_NOTES.name());
        driver.complete(replication.getId(), ReplicationProcess.USER_TASK_SUPPLIER_CONFIRMS, ProcessVariables.of(ReplicationProcess.REPLICATION_DECISION.with(ReplicationDecision.DECLINE),
                ReplicationProcess.REPLICATION_NOTES.with("No capacity this year")));

        assertThat(replication).isEnded().hasPassed(ReplicationProcess.END_SUPPLIER_DECLINED);
    }

    @Test
    void shouldNotCountAsReplicatedWhenTheAdoptingCityStopsThePilotEarly() {
        ProcessInstance replication = replicationFor(originalPilot());
        driver.complete(replication.getId(), ReplicationProcess.USER_TASK_SUPPLIER_CONFIRMS, CONFIRMED);
        contractSigned(replication, true);
        driver.complete(replication.getId(), USER_TASK_KICK_OFF, ProcessVariables.of(PilotProcess.KICKOFF_NOTES.with("Delft kick-off")));
        driver.complete(replication.getId(), USER_TASK_CHECK_INFRASTRUCTURE,
                ProcessVariables.of(PilotProcess.CONNECTIVITY.with(PilotProcess.Answer.YES), PilotProcess.POWER.with(PilotProcess.Answer.YES), PilotProcess.SIM_NETWORK.with(PilotProcess.Answer.YES), PilotProcess.DATA_ACCESS.with(PilotProcess.Answer.YES)));
        driver.complete(replication.getId(), USER_TASK_REPORT_PROGRESS, ProcessVariables.of(PilotProcess.PROGRESS.with("sensors failing"), PilotProcess.MILESTONE_MET.with(PilotProcess.Answer.NO)));
        driver.complete(replication.getId(), USER_TASK_REVIEW_PROGRESS, ProcessVariables.of(PilotProcess.PROGRESS_DECISION.with(PilotProcess.ProgressDecision.STOP), PilotProcess.REVIEW_NOTES.with("Not working in Delft")));

        assertThat(replication).isEnded().hasPassed(ReplicationProcess.END_REPLICATION_STOPPED_EARLY).hasNotPassed(ReplicationProcess.END_REPLICATED);
    }

    @Test
    void shouldEndInNotContractedWhenTheAdoptingCityDeclines() {
        ProcessInstance replication = replicationFor(originalPilot());
        driver.complete(replication.getId(), ReplicationProcess.USER_TASK_SUPPLIER_CONFIRMS, CONFIRMED);
        contractSigned(replication, false);

        assertThat(replication).isEnded().hasPassed(ReplicationProcess.END_REPLICATION_NOT_CONTRACTED).hasNotPassed(ReplicationProcess.CALL_ACTIVITY_PILOT);
    }

    @Autowired eu.smartcity.accelerator.notification.NotificationReminders reminders;

    /** Issue 23: the supplier's answer has a deadline (bylaws replicationConfirmationWindow), reminded before. */
    @Test
    void shouldRemindTheSupplierThenEndInSupplierDidNotAnswerWhenTheWindowPasses() {
        ProcessInstance replication = replicationFor(originalPilot());
        org.camunda.bpm.engine.task.Task confirm = driver.task(replication.getId(), ReplicationProcess.USER_TASK_SUPPLIER_CONFIRMS);
        // not in the variables (a replication started before the key existed): the bylaws' default, P14D
        org.assertj.core.api.Assertions.assertThat(confirm.getDueDate().toInstant()).isBetween(
                java.time.Instant.now().plus(java.time.Duration.ofDays(14)).minusSeconds(120), java.time.Instant.now().plus(java.time.Duration.ofDays(14)));
        reminders.remindDeadlines(java.time.Instant.now().plus(java.time.Duration.ofDays(12)));
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject("select count(*) from notification where dedup_key like ?",
                Long.class, "deadline-reminder:" + confirm.getId() + ":%")).isPositive();

        driver.fireTimer(replication.getId(), ReplicationProcess.BOUNDARY_CONFIRMATION_WINDOW_OVER);

        assertThat(replication).isEnded().hasPassed(ReplicationProcess.SERVICE_TASK_RECORD_LAPSE, ReplicationProcess.END_SUPPLIER_DID_NOT_ANSWER)
                .hasNotPassed(ReplicationProcess.SERVICE_TASK_PREPARE_REPLICATION);
    }

    /** The replication's contract has the same deadlines as any contract: a lapsed negotiation leaves it uncontracted. */
    @Test
    void shouldEndNotContractedWhenTheNegotiationRunsOutOfTime() {
        ProcessInstance replication = replicationFor(originalPilot());
        driver.complete(replication.getId(), ReplicationProcess.USER_TASK_SUPPLIER_CONFIRMS, CONFIRMED);
        driver.fireTimer(replication.getId(), ContractProcess.BOUNDARY_NEGOTIATION_OVER_COMPANY);

        assertThat(replication).isEnded().hasPassed(ReplicationProcess.END_REPLICATION_NOT_CONTRACTED).hasNotPassed(ReplicationProcess.CALL_ACTIVITY_PILOT);
    }

    @Test
    void shouldEndNotContractedWhenTheCityDoesNotSignInTime() {
        ProcessInstance replication = replicationFor(originalPilot());
        driver.complete(replication.getId(), ReplicationProcess.USER_TASK_SUPPLIER_CONFIRMS, CONFIRMED);
        driver.complete(replication.getId(), ContractProcess.USER_TASK_REVIEW_DRAFT, ProcessVariables.of(ContractProcess.DRAFT_DECISION.with(ContractProcess.DraftDecision.AGREE)));
        driver.complete(replication.getId(), ContractProcess.USER_TASK_CHECK_COMPLIANCE, ProcessVariables.of(ContractProcess.COMPLIANCE_DECISION.with(ContractProcess.ComplianceDecision.COMPLIES)));
        driver.complete(replication.getId(), ContractProcess.USER_TASK_SIGN_AS_COMPANY, ProcessVariables.of(ContractProcess.COMPANY_SIGNS.with(true)));
        driver.fireTimer(replication.getId(), ContractProcess.BOUNDARY_CITY_SIGNATURE_WINDOW_OVER);

        assertThat(replication).isEnded().hasPassed(ReplicationProcess.END_REPLICATION_NOT_CONTRACTED).hasNotPassed(ReplicationProcess.CALL_ACTIVITY_PILOT);
    }
}
