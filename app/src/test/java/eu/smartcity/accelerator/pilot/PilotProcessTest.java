package eu.smartcity.accelerator.pilot;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import static eu.smartcity.accelerator.pilot.PilotProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smartcity.accelerator.forms.DecisionRuleException;
import eu.smartcity.accelerator.opendata.OcdsPublisher;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.ProcessTestBase;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of the pilot process, with the reminder and the escalation driven by their timer jobs. */
@AcceleratorTest
class PilotProcessTest extends ProcessTestBase {

    @Autowired JdbcTemplate jdbc;
    @Autowired OcdsPublisher ocds;
    @Autowired PilotOutcomes pilotOutcomes;

    java.util.UUID applicationOf(ProcessInstance pilot) {
        return java.util.UUID.fromString(engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(pilot.getId()).variableName(ChallengeProcess.APPLICATION_ID.name()).singleResult().getValue().toString());
    }

    /** The OCDS implementation releases of the pilot's contracting process, oldest first. */
    java.util.List<String> implementationReleases(ProcessInstance pilot) {
        String challengeId = engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(pilot.getId()).variableName(ChallengeProcess.CHALLENGE_ID.name()).singleResult().getValue().toString();
        return jdbc.queryForList("select release_json from ocds_release where ocid = ? and tag = 'implementation' order by release_id",
                String.class, ocds.ocidFor(challengeId));
    }

    ProcessInstance readyPilot() {
        ProcessInstance pilot = start(KEY, deliveryVariables());
        driver.complete(pilot.getId(), USER_TASK_KICK_OFF, Map.of("kickoffNotes", "Agreed"));
        driver.complete(pilot.getId(), USER_TASK_CHECK_INFRASTRUCTURE,
                Map.of("connectivity", "yes", "power", "no", "simNetwork", "yes", "dataAccess", "yes",
                        READINESS_NOTES, "No power at the kiosk"));
        assertThat(pilot).task().hasCandidateGroup("company-greengrid");
        driver.complete(pilot.getId(), USER_TASK_FIX_INFRASTRUCTURE, Map.of("fixNotes", "Power connected"));
        driver.complete(pilot.getId(), USER_TASK_CHECK_INFRASTRUCTURE,
                Map.of("connectivity", "yes", "power", "yes", "simNetwork", "yes", "dataAccess", "yes"));
        return pilot;
    }

    @Test
    void shouldEndInPilotCompletedAfterEveryMilestoneAndTheDemo() {
        ProcessInstance pilot = readyPilot();
        driver.fireTimer(pilot.getId(), BOUNDARY_REMINDER);
        driver.fireTimer(pilot.getId(), BOUNDARY_OVERDUE);
        assertThat(pilot).isWaitingAt(USER_TASK_REPORT_PROGRESS, USER_TASK_HANDLE_OVERDUE);
        driver.complete(pilot.getId(), USER_TASK_HANDLE_OVERDUE, Map.of("followUp", "Reminded by phone"));
        for (int milestone = 1; milestone <= 2; milestone++) {
            driver.complete(pilot.getId(), USER_TASK_REPORT_PROGRESS, Map.of("progress", "step " + milestone, "milestoneMet", "yes"));
            // the previous milestone's "continue" is not left standing as this review's answer (Tasklist pre-fills variables)
            org.assertj.core.api.Assertions.assertThat(engine.getTaskService().getVariable(
                    driver.task(pilot.getId(), USER_TASK_REVIEW_PROGRESS).getId(), PROGRESS_DECISION)).isNull();
            driver.complete(pilot.getId(), USER_TASK_REVIEW_PROGRESS, Map.of(PROGRESS_DECISION, CONTINUE));
        }
        // each reviewed milestone is published as open data: met, the rest still scheduled
        org.assertj.core.api.Assertions.assertThat(implementationReleases(pilot)).hasSize(2)
                .first().satisfies(r -> org.assertj.core.api.Assertions.assertThat(r).contains("\"status\":\"met\"")
                        .contains("\"status\":\"scheduled\"").contains("-award-1"));
        driver.complete(pilot.getId(), USER_TASK_DEMO, Map.of("demoNotes", "Well received"));

        assertThat(pilot).isEnded().hasPassed(SERVICE_TASK_REMIND, "EndEvent_ReminderSent", "EndEvent_EscalationHandled", END_COMPLETED)
                .variables().containsEntry(PILOT_OUTCOME, "completed").containsEntry(MILESTONES_DONE, 2L);
        String pilotId = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(pilot.getId()).variableName(PILOT_ID).singleResult().getValue();
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject("select status from pilot where id = ?", String.class,
                java.util.UUID.fromString(pilotId))).isEqualTo("COMPLETED");
    }

    @Test
    void shouldEndInPilotStoppedEarlyWhenTheCityStopsIt() {
        ProcessInstance pilot = readyPilot();
        driver.complete(pilot.getId(), USER_TASK_REPORT_PROGRESS, Map.of("progress", "sensors fail", "milestoneMet", "no"));
        // untouched, or stopped without a reason: the process refuses, whoever completes the task
        assertThatThrownBy(() -> driver.complete(pilot.getId(), USER_TASK_REVIEW_PROGRESS, Map.of()))
                .hasRootCauseInstanceOf(DecisionRuleException.class).hasMessageContaining(PROGRESS_DECISION);
        assertThatThrownBy(() -> driver.complete(pilot.getId(), USER_TASK_REVIEW_PROGRESS, Map.of(PROGRESS_DECISION, STOP)))
                .hasRootCauseInstanceOf(DecisionRuleException.class).hasMessageContaining(REVIEW_NOTES);
        driver.complete(pilot.getId(), USER_TASK_REVIEW_PROGRESS, Map.of(PROGRESS_DECISION, STOP, REVIEW_NOTES, "The sensors keep failing"));
        org.assertj.core.api.Assertions.assertThat(pilotOutcomes.stopReasonOf(applicationOf(pilot))).contains("The sensors keep failing");
        org.assertj.core.api.Assertions.assertThat(implementationReleases(pilot)).singleElement()
                .satisfies(r -> org.assertj.core.api.Assertions.assertThat(r).contains("\"status\":\"notMet\""));

        assertThat(pilot).isEnded().hasPassed(END_STOPPED_EARLY).hasNotPassed(USER_TASK_DEMO)
                .variables().containsEntry(PILOT_OUTCOME, "stopped-early");
    }

    /** Issue 23: Gateway_ContinuePilot has a default flow; a pilot started without a milestone count goes on to its demo. */
    @Test
    void shouldGoOnToTheDemoWhenTheMilestoneCountIsUnknown() {
        Map<String, Object> variables = deliveryVariables();
        variables.remove(ChallengeProcess.MILESTONE_COUNT.name());
        ProcessInstance pilot = start(KEY, variables);
        driver.complete(pilot.getId(), USER_TASK_KICK_OFF, Map.of("kickoffNotes", "Agreed"));
        driver.complete(pilot.getId(), USER_TASK_CHECK_INFRASTRUCTURE,
                Map.of("connectivity", "yes", "power", "yes", "simNetwork", "yes", "dataAccess", "yes"));
        driver.complete(pilot.getId(), USER_TASK_REPORT_PROGRESS, Map.of("progress", "step 1", "milestoneMet", "yes"));
        driver.complete(pilot.getId(), USER_TASK_REVIEW_PROGRESS, Map.of(PROGRESS_DECISION, CONTINUE));

        assertThat(pilot).isWaitingAt(USER_TASK_DEMO);
    }
}
