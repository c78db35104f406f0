package eu.smartcity.accelerator.pilot;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import static eu.smartcity.accelerator.pilot.PilotProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.pilot.internal.Pilot;
import eu.smartcity.accelerator.pilot.internal.Pilots;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.ContractCase;
import eu.smartcity.accelerator.support.ProcessTestBase;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Another city adopts a finished pilot: supplier confirms, a contract from the original, a new linked pilot. */
@AcceleratorTest
class ReplicationProcessTest extends ProcessTestBase {

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
        v.remove(PILOT_ID);
        v.remove(ChallengeProcess.CONTRACT_ID.name());
        v.put(ORIGINAL_PILOT_ID, originalPilotId);
        v.put("cityGroup", "city-delft");
        return start(REPLICATION_KEY, v);
    }

    /** The contract starts from the original's; one negotiation round and one compliance remark on the way. */
    void contractSigned(ProcessInstance replication, boolean citySigns) {
        driver.complete(replication.getId(), ContractProcess.USER_TASK_REVIEW_DRAFT,
                Map.of(ContractProcess.DRAFT_DECISION, ContractProcess.REQUEST_CHANGES, ContractProcess.REQUESTED_CHANGES, "C2: Delft as the city"));
        driver.complete(replication.getId(), ContractProcess.USER_TASK_ANSWER_CHANGES, Map.of(ContractProcess.AGREED_CHANGES, "C2"));
        driver.complete(replication.getId(), ContractProcess.USER_TASK_REVIEW_DRAFT, Map.of(ContractProcess.DRAFT_DECISION, ContractProcess.AGREE));
        driver.complete(replication.getId(), ContractProcess.USER_TASK_CHECK_COMPLIANCE, Map.of(ContractProcess.COMPLIANCE_DECISION, ContractProcess.SEND_BACK,
                ContractProcess.COMPLIANCE_REMARKS, "Name Delft in C2"));
        driver.complete(replication.getId(), ContractProcess.USER_TASK_REVIEW_DRAFT, Map.of(ContractProcess.DRAFT_DECISION, ContractProcess.AGREE));
        driver.complete(replication.getId(), ContractProcess.USER_TASK_CHECK_COMPLIANCE, Map.of(ContractProcess.COMPLIANCE_DECISION, ContractProcess.COMPLIES));
        driver.complete(replication.getId(), ContractProcess.USER_TASK_SIGN_AS_COMPANY, Map.of("companySigns", true));
        driver.complete(replication.getId(), ContractProcess.USER_TASK_SIGN_AS_CITY, citySigns ? Map.of(ContractProcess.CITY_DECISION, ContractProcess.SIGN)
                : Map.of(ContractProcess.CITY_DECISION, ContractProcess.DECLINE, ContractProcess.DECLINE_REASON, "Other priorities"));
    }

    @Test
    void shouldEndInPilotReplicatedLinkedToTheOriginal() {
        String original = originalPilot();
        ProcessInstance replication = replicationFor(original);
        assertThat(replication).task().hasCandidateGroup("company-greengrid");
        driver.complete(replication.getId(), USER_TASK_SUPPLIER_CONFIRMS, Map.of(PilotProcess.REPLICATION_DECISION, PilotProcess.CONFIRM));
        contractSigned(replication, true);
        driver.complete(replication.getId(), USER_TASK_KICK_OFF, Map.of("kickoffNotes", "Delft kick-off"));
        driver.complete(replication.getId(), USER_TASK_CHECK_INFRASTRUCTURE,
                Map.of("connectivity", "yes", "power", "yes", "simNetwork", "yes", "dataAccess", "no",
                        PilotProcess.READINESS_NOTES, "Data access pending"));
        driver.complete(replication.getId(), USER_TASK_FIX_INFRASTRUCTURE, Map.of("fixNotes", "Data access granted"));
        driver.complete(replication.getId(), USER_TASK_CHECK_INFRASTRUCTURE,
                Map.of("connectivity", "yes", "power", "yes", "simNetwork", "yes", "dataAccess", "yes"));
        driver.fireTimer(replication.getId(), BOUNDARY_REMINDER);
        driver.fireTimer(replication.getId(), BOUNDARY_OVERDUE);
        driver.complete(replication.getId(), USER_TASK_HANDLE_OVERDUE, Map.of("followUp", "Called"));
        for (int milestone = 1; milestone <= 2; milestone++) {
            driver.complete(replication.getId(), USER_TASK_REPORT_PROGRESS, Map.of("progress", "ok", "milestoneMet", "yes"));
            driver.complete(replication.getId(), USER_TASK_REVIEW_PROGRESS, Map.of(PROGRESS_DECISION, CONTINUE));
        }
        driver.complete(replication.getId(), USER_TASK_DEMO, Map.of("demoNotes", "Delft support group"));

        assertThat(replication).isEnded().hasPassed(END_REPLICATED);
        // Cockpit names the called contract and pilot by their ids
        for (String[] called : new String[][] {{ContractProcess.KEY, ChallengeProcess.CONTRACT_ID.name()}, {PilotProcess.KEY, ChallengeProcess.PILOT_ID.name()}}) {
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
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> driver.complete(replication.getId(), USER_TASK_SUPPLIER_CONFIRMS,
                Map.of(PilotProcess.REPLICATION_DECISION, PilotProcess.DECLINE)))
                .hasRootCauseInstanceOf(eu.smartcity.accelerator.forms.DecisionRuleException.class).hasMessageContaining(PilotProcess.REPLICATION_NOTES);
        driver.complete(replication.getId(), USER_TASK_SUPPLIER_CONFIRMS, Map.of(PilotProcess.REPLICATION_DECISION, PilotProcess.DECLINE,
                PilotProcess.REPLICATION_NOTES, "No capacity this year"));

        assertThat(replication).isEnded().hasPassed(END_SUPPLIER_DECLINED);
    }

    @Test
    void shouldNotCountAsReplicatedWhenTheAdoptingCityStopsThePilotEarly() {
        ProcessInstance replication = replicationFor(originalPilot());
        driver.complete(replication.getId(), USER_TASK_SUPPLIER_CONFIRMS, Map.of(PilotProcess.REPLICATION_DECISION, PilotProcess.CONFIRM));
        contractSigned(replication, true);
        driver.complete(replication.getId(), USER_TASK_KICK_OFF, Map.of("kickoffNotes", "Delft kick-off"));
        driver.complete(replication.getId(), USER_TASK_CHECK_INFRASTRUCTURE,
                Map.of("connectivity", "yes", "power", "yes", "simNetwork", "yes", "dataAccess", "yes"));
        driver.complete(replication.getId(), USER_TASK_REPORT_PROGRESS, Map.of("progress", "sensors failing", "milestoneMet", "no"));
        driver.complete(replication.getId(), USER_TASK_REVIEW_PROGRESS, Map.of(PROGRESS_DECISION, STOP, REVIEW_NOTES, "Not working in Delft"));

        assertThat(replication).isEnded().hasPassed(END_REPLICATION_STOPPED_EARLY).hasNotPassed(END_REPLICATED);
    }

    @Test
    void shouldEndInNotContractedWhenTheAdoptingCityDeclines() {
        ProcessInstance replication = replicationFor(originalPilot());
        driver.complete(replication.getId(), USER_TASK_SUPPLIER_CONFIRMS, Map.of(PilotProcess.REPLICATION_DECISION, PilotProcess.CONFIRM));
        contractSigned(replication, false);

        assertThat(replication).isEnded().hasPassed(END_REPLICATION_NOT_CONTRACTED).hasNotPassed("CallActivity_Pilot");
    }

    @Autowired eu.smartcity.accelerator.notification.NotificationReminders reminders;

    /** Issue 23: the supplier's answer has a deadline (bylaws replicationConfirmationWindow), reminded before. */
    @Test
    void shouldRemindTheSupplierThenEndInSupplierDidNotAnswerWhenTheWindowPasses() {
        ProcessInstance replication = replicationFor(originalPilot());
        org.camunda.bpm.engine.task.Task confirm = driver.task(replication.getId(), "UserTask_SupplierConfirms");
        // not in the variables (a replication started before the key existed): the bylaws' default, P14D
        org.assertj.core.api.Assertions.assertThat(confirm.getDueDate().toInstant()).isBetween(
                java.time.Instant.now().plus(java.time.Duration.ofDays(14)).minusSeconds(120), java.time.Instant.now().plus(java.time.Duration.ofDays(14)));
        reminders.remindDeadlines(java.time.Instant.now().plus(java.time.Duration.ofDays(12)));
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject("select count(*) from notification where dedup_key like ?",
                Long.class, "deadline-reminder:" + confirm.getId() + ":%")).isPositive();

        driver.fireTimer(replication.getId(), "BoundaryEvent_ConfirmationWindowOver");

        assertThat(replication).isEnded().hasPassed("EndEvent_SupplierDidNotAnswer").hasNotPassed("ServiceTask_PrepareReplication");
    }

    /** The replication's contract has the same deadlines as any contract: a lapsed negotiation leaves it uncontracted. */
    @Test
    void shouldEndNotContractedWhenTheNegotiationRunsOutOfTime() {
        ProcessInstance replication = replicationFor(originalPilot());
        driver.complete(replication.getId(), "UserTask_SupplierConfirms", Map.of(PilotProcess.REPLICATION_DECISION, PilotProcess.CONFIRM));
        driver.fireTimer(replication.getId(), ContractProcess.BOUNDARY_NEGOTIATION_OVER_COMPANY);

        assertThat(replication).isEnded().hasPassed("EndEvent_ReplicationNotContracted").hasNotPassed("CallActivity_Pilot");
    }

    @Test
    void shouldEndNotContractedWhenTheCityDoesNotSignInTime() {
        ProcessInstance replication = replicationFor(originalPilot());
        driver.complete(replication.getId(), "UserTask_SupplierConfirms", Map.of(PilotProcess.REPLICATION_DECISION, PilotProcess.CONFIRM));
        driver.complete(replication.getId(), ContractProcess.USER_TASK_REVIEW_DRAFT, Map.of(ContractProcess.DRAFT_DECISION, ContractProcess.AGREE));
        driver.complete(replication.getId(), ContractProcess.USER_TASK_CHECK_COMPLIANCE, Map.of(ContractProcess.COMPLIANCE_DECISION, ContractProcess.COMPLIES));
        driver.complete(replication.getId(), ContractProcess.USER_TASK_SIGN_AS_COMPANY, Map.of("companySigns", true));
        driver.fireTimer(replication.getId(), ContractProcess.BOUNDARY_CITY_SIGNATURE_WINDOW_OVER);

        assertThat(replication).isEnded().hasPassed("EndEvent_ReplicationNotContracted").hasNotPassed("CallActivity_Pilot");
    }
}
