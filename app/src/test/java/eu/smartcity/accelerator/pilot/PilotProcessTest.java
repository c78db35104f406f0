package eu.smartcity.accelerator.pilot;

import eu.smartcity.accelerator.challenge.ChallengeProcess.PilotOutcome;
import eu.smartcity.accelerator.workflow.ProcessVariables;
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
                .processInstanceId(pilot.getId()).variableName(PilotProcess.APPLICATION_ID.name()).singleResult().getValue().toString());
    }

    /** The OCDS implementation releases of the pilot's contracting process, oldest first. */
    java.util.List<String> implementationReleases(ProcessInstance pilot) {
        String challengeId = engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(pilot.getId()).variableName(PilotProcess.CHALLENGE_ID.name()).singleResult().getValue().toString();
        return jdbc.queryForList("select release_json from ocds_release where ocid = ? and tag = 'implementation' order by release_id",
                String.class, ocds.ocidFor(challengeId));
    }

    ProcessInstance readyPilot() {
        ProcessInstance pilot = start(KEY, deliveryVariables());
        driver.complete(pilot.getId(), USER_TASK_KICK_OFF, ProcessVariables.of(PilotProcess.KICKOFF_NOTES.with("Agreed")));
        driver.complete(pilot.getId(), USER_TASK_CHECK_INFRASTRUCTURE,
                ProcessVariables.of(PilotProcess.CONNECTIVITY.with(PilotProcess.Answer.YES), PilotProcess.POWER.with(PilotProcess.Answer.NO), PilotProcess.SIM_NETWORK.with(PilotProcess.Answer.YES), PilotProcess.DATA_ACCESS.with(PilotProcess.Answer.YES),
                        PilotProcess.READINESS_NOTES.with("No power at the kiosk")));
        assertThat(pilot).task().hasCandidateGroup("company-greengrid");
        driver.complete(pilot.getId(), USER_TASK_FIX_INFRASTRUCTURE, ProcessVariables.of(PilotProcess.FIX_NOTES.with("Power connected")));
        driver.complete(pilot.getId(), USER_TASK_CHECK_INFRASTRUCTURE,
                ProcessVariables.of(PilotProcess.CONNECTIVITY.with(PilotProcess.Answer.YES), PilotProcess.POWER.with(PilotProcess.Answer.YES), PilotProcess.SIM_NETWORK.with(PilotProcess.Answer.YES), PilotProcess.DATA_ACCESS.with(PilotProcess.Answer.YES)));
        return pilot;
    }

    @Test
    void shouldEndInPilotCompletedAfterEveryMilestoneAndTheDemo() {
        ProcessInstance pilot = readyPilot();
        driver.fireTimer(pilot.getId(), BOUNDARY_REMINDER);
        driver.fireTimer(pilot.getId(), BOUNDARY_OVERDUE);
        assertThat(pilot).isWaitingAt(USER_TASK_REPORT_PROGRESS, USER_TASK_HANDLE_OVERDUE);
        driver.complete(pilot.getId(), USER_TASK_HANDLE_OVERDUE, ProcessVariables.of(PilotProcess.FOLLOW_UP.with("Reminded by phone")));
        for (int milestone = 1; milestone <= 2; milestone++) {
            driver.complete(pilot.getId(), USER_TASK_REPORT_PROGRESS, ProcessVariables.of(PilotProcess.PROGRESS.with("step " + milestone), PilotProcess.MILESTONE_MET.with(PilotProcess.Answer.YES)));
            // the previous milestone's "continue" is not left standing as this review's answer (Tasklist pre-fills variables)
            org.assertj.core.api.Assertions.assertThat(engine.getTaskService().getVariable(
                    driver.task(pilot.getId(), USER_TASK_REVIEW_PROGRESS).getId(), PROGRESS_DECISION.name())).isNull();
            driver.complete(pilot.getId(), USER_TASK_REVIEW_PROGRESS, ProcessVariables.of(PilotProcess.PROGRESS_DECISION.with(PilotProcess.ProgressDecision.CONTINUE)));
        }
        // each reviewed milestone is published as open data: met, the rest still scheduled
        org.assertj.core.api.Assertions.assertThat(implementationReleases(pilot)).hasSize(2)
                .first().satisfies(r -> org.assertj.core.api.Assertions.assertThat(r).contains("\"status\":\"met\"")
                        .contains("\"status\":\"scheduled\"").contains("-award-1"));
        driver.complete(pilot.getId(), USER_TASK_DEMO, ProcessVariables.of(PilotProcess.DEMO_NOTES.with("Well received")));

        assertThat(pilot).isEnded().hasPassed(SERVICE_TASK_REMIND, END_REMINDER_SENT, END_ESCALATION_HANDLED, SERVICE_TASK_RECORD_COMPLETED, END_COMPLETED)
                .variables().containsEntry(PILOT_OUTCOME.name(), PILOT_OUTCOME.stored(PilotOutcome.COMPLETED)).containsEntry(MILESTONES_DONE.name(), 2L);
        String pilotId = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(pilot.getId()).variableName(PILOT_ID.name()).singleResult().getValue();
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject("select status from pilot where id = ?", String.class,
                java.util.UUID.fromString(pilotId))).isEqualTo("COMPLETED");
    }

    @Test
    void shouldEndInPilotStoppedEarlyWhenTheCityStopsIt() {
        ProcessInstance pilot = readyPilot();
        driver.complete(pilot.getId(), USER_TASK_REPORT_PROGRESS, ProcessVariables.of(PilotProcess.PROGRESS.with("sensors fail"), PilotProcess.MILESTONE_MET.with(PilotProcess.Answer.NO)));
        // untouched, or stopped without a reason: the process refuses, whoever completes the task
        assertThatThrownBy(() -> driver.complete(pilot.getId(), USER_TASK_REVIEW_PROGRESS, Map.of()))
                .hasRootCauseInstanceOf(DecisionRuleException.class).hasMessageContaining(PROGRESS_DECISION.name());
        assertThatThrownBy(() -> driver.complete(pilot.getId(), USER_TASK_REVIEW_PROGRESS, ProcessVariables.of(PilotProcess.PROGRESS_DECISION.with(PilotProcess.ProgressDecision.STOP))))
                .hasRootCauseInstanceOf(DecisionRuleException.class).hasMessageContaining(REVIEW_NOTES.name());
        driver.complete(pilot.getId(), USER_TASK_REVIEW_PROGRESS, ProcessVariables.of(PilotProcess.PROGRESS_DECISION.with(PilotProcess.ProgressDecision.STOP), PilotProcess.REVIEW_NOTES.with("The sensors keep failing")));
        org.assertj.core.api.Assertions.assertThat(pilotOutcomes.stopReasonOf(applicationOf(pilot))).contains("The sensors keep failing");
        org.assertj.core.api.Assertions.assertThat(implementationReleases(pilot)).singleElement()
                .satisfies(r -> org.assertj.core.api.Assertions.assertThat(r).contains("\"status\":\"notMet\""));

        assertThat(pilot).isEnded().hasPassed(END_STOPPED_EARLY).hasNotPassed(USER_TASK_DEMO)
                .variables().containsEntry(PILOT_OUTCOME.name(), PILOT_OUTCOME.stored(PilotOutcome.STOPPED_EARLY));
    }

    /** Issue 23: Gateway_ContinuePilot has a default flow; a pilot started without a milestone count goes on to its demo. */
    @Test
    void shouldGoOnToTheDemoWhenTheMilestoneCountIsUnknown() {
        Map<String, Object> variables = deliveryVariables();
        variables.remove(PilotProcess.MILESTONE_COUNT.name());
        ProcessInstance pilot = start(KEY, variables);
        driver.complete(pilot.getId(), USER_TASK_KICK_OFF, ProcessVariables.of(PilotProcess.KICKOFF_NOTES.with("Agreed")));
        driver.complete(pilot.getId(), USER_TASK_CHECK_INFRASTRUCTURE,
                ProcessVariables.of(PilotProcess.CONNECTIVITY.with(PilotProcess.Answer.YES), PilotProcess.POWER.with(PilotProcess.Answer.YES), PilotProcess.SIM_NETWORK.with(PilotProcess.Answer.YES), PilotProcess.DATA_ACCESS.with(PilotProcess.Answer.YES)));
        driver.complete(pilot.getId(), USER_TASK_REPORT_PROGRESS, ProcessVariables.of(PilotProcess.PROGRESS.with("step 1"), PilotProcess.MILESTONE_MET.with(PilotProcess.Answer.YES)));
        driver.complete(pilot.getId(), USER_TASK_REVIEW_PROGRESS, ProcessVariables.of(PilotProcess.PROGRESS_DECISION.with(PilotProcess.ProgressDecision.CONTINUE)));

        assertThat(pilot).isWaitingAt(USER_TASK_DEMO);
    }

    /** Issue 23.4: a report due soon is reminded once per firing, by the visible reminder step, not also by its timer. */
    @Test
    void shouldRemindTheCompanyOnceFromTheReminderStep() {
        ProcessInstance pilot = readyPilot();
        java.util.UUID pilotId = PILOT_ID.read(engine.getRuntimeService().getVariable(pilot.getId(), PILOT_ID.name()));
        driver.fireTimer(pilot.getId(), BOUNDARY_REMINDER);

        String reminder = eu.smartcity.accelerator.notification.NotificationKind.MILESTONE_REMINDER.key();
        String step = engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pilot.getId())
                .activityId(SERVICE_TASK_REMIND).singleResult().getId();
        String timer = engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pilot.getId())
                .activityId(BOUNDARY_REMINDER).singleResult().getId();
        String count = "select count(*) from notification where dedup_key like ?";
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject(count, Long.class, reminder + ":" + step + ":%"))
                .as("the reminder step mails the company").isPositive()
                .isEqualTo(jdbc.queryForObject("select count(distinct recipient_user_id) from notification where dedup_key like ?",
                        Long.class, reminder + ":" + step + ":%"));
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject(count, Long.class, reminder + ":" + timer + ":%"))
                .as("the timer does not mail as well").isZero();
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject("select reminders_sent from pilot where id = ?", Integer.class, pilotId))
                .isEqualTo(1);
        assertThat(pilot).isWaitingAt(USER_TASK_REPORT_PROGRESS).hasPassed(SERVICE_TASK_REMIND, END_REMINDER_SENT);
    }
}
