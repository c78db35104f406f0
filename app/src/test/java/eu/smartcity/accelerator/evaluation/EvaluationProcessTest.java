package eu.smartcity.accelerator.evaluation;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import static eu.smartcity.accelerator.evaluation.EvaluationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import eu.smartcity.accelerator.evaluation.EvaluationProcess.Verdict;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.workflow.ProcessVariables;
import eu.smartcity.accelerator.workflow.Variable;
import eu.smartcity.accelerator.support.ProcessTestBase;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every verdict of the evaluation process leads somewhere (one test per end event); survey and measurement are both kept, their gap shown. */
@AcceleratorTest
class EvaluationProcessTest extends ProcessTestBase {

    @Autowired JdbcTemplate jdbc;
    @Autowired ManagementService management;

    /** The KPI, the survey beside the measurement, then the verdict: what every path goes through. */
    ProcessInstance evaluatedAs(Verdict verdict, Map<String, Object> variables) {
        ProcessInstance evaluation = start(KEY, variables);
        driver.complete(evaluation.getId(), USER_TASK_KPI_RESULTS,
                ProcessVariables.of(KPI_NAME.with("CO2 (t)"), KPI_TARGET.with(100.0), KPI_RESULT.with(120.0)));
        driver.complete(evaluation.getId(), USER_TASK_SURVEY_AND_BEHAVIOUR,
                ProcessVariables.of(SURVEY_SCORE.with(40.0), MEASURED_SCORE.with(75.0)));
        assertThat(evaluation).variables().containsEntry(EVIDENCE_GAP.name(), -35.0);
        driver.complete(evaluation.getId(), USER_TASK_DECIDE_VERDICT,
                ProcessVariables.of(VERDICT.with(verdict), VERDICT_REASON.with("as measured")));
        return evaluation;
    }

    void assertSurveyBesideMeasurement(Map<String, Object> variables, Verdict verdict) {
        assertThat(jdbc.queryForMap("select survey_score, measured_score, evidence_gap, verdict from evaluation where id = ?",
                EVALUATION_ID.read(variables.get(EVALUATION_ID.name()))))
                .containsEntry("SURVEY_SCORE", 40.0).containsEntry("MEASURED_SCORE", 75.0)
                .containsEntry("EVIDENCE_GAP", -35.0).containsEntry("VERDICT", Variable.wireName(verdict));
    }

    @Test
    void shouldEndInStopAndKeepSurveyBesideMeasurement() {
        Map<String, Object> variables = deliveryVariables();
        ProcessInstance evaluation = evaluatedAs(Verdict.STOP, variables);

        assertThat(evaluation).isEnded().hasPassed(SERVICE_TASK_PUBLISH, END_STOP)
                .hasNotPassed(SEND_TASK_OFFER_FOR_REPLICATION, USER_TASK_PLAN_SCALE_UP);
        assertSurveyBesideMeasurement(variables, Verdict.STOP);
    }

    /** Issue 23.6: "scale up" opens a follow-up task for the city, due one milestone cadence later (bylaws). */
    @Test
    void shouldAskTheCityForItsScaleUpPlanThenEndInScaleUp() {
        Map<String, Object> variables = deliveryVariables();
        ProcessInstance evaluation = evaluatedAs(Verdict.SCALE_UP, variables);

        assertThat(evaluation).isWaitingAt(USER_TASK_PLAN_SCALE_UP).task().hasCandidateGroup("city-bruges");
        java.util.Date due = driver.task(evaluation.getId(), USER_TASK_PLAN_SCALE_UP).getDueDate();
        assertThat(due).isAfter(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(29))))
                .isBefore(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(31))));
        driver.complete(evaluation.getId(), USER_TASK_PLAN_SCALE_UP,
                ProcessVariables.of(SCALE_UP_PLAN.with("All 12 districts by 2028, from the mobility budget")));

        assertThat(evaluation).isEnded().hasPassed(SERVICE_TASK_PUBLISH, USER_TASK_PLAN_SCALE_UP, END_SCALE_UP)
                .hasNotPassed(SEND_TASK_OFFER_FOR_REPLICATION);
        assertSurveyBesideMeasurement(variables, Verdict.SCALE_UP);
    }

    /**
     * Issue 23.6: "replicate" offers the pilot on the marketplace (the implementation says so on the solution page) and
     * tells the other cities' officers, in their language, once; the city that offers it is not told.
     */
    @Test
    void shouldOfferThePilotForReplicationAndTellTheOtherCitiesThenEndInReplicate() {
        Map<String, Object> variables = deliveryVariables();
        String evaluationId = variables.get(EVALUATION_ID.name()).toString();
        ProcessInstance evaluation = evaluatedAs(Verdict.REPLICATE, variables);

        assertThat(evaluation).isEnded().hasPassed(SERVICE_TASK_PUBLISH, SEND_TASK_OFFER_FOR_REPLICATION, END_REPLICATE)
                .hasNotPassed(USER_TASK_PLAN_SCALE_UP);
        assertSurveyBesideMeasurement(variables, Verdict.REPLICATE);
        Map<String, Object> offer = jdbc.queryForMap("select solution_id, offered_for_replication_at from market_implementation"
                + " where evaluation_id = ?", java.util.UUID.fromString(evaluationId));
        assertThat(offer.get("OFFERED_FOR_REPLICATION_AT")).isNotNull();
        java.util.List<Map<String, Object>> mails = jdbc.queryForList("select recipient_user_id, subject, body from notification"
                + " where kind = 'REPLICATION_OFFERED' and dedup_key like ?", "%:" + evaluationId + ":%");
        java.util.List<String> told = mails.stream().map(m -> m.get("RECIPIENT_USER_ID").toString()).toList();
        assertThat(told).contains("officer-delft", "officer-mechelen").doesNotContain("officer-bruges").doesNotHaveDuplicates();
        assertThat(mails).allSatisfy(m -> assertThat(m.get("BODY").toString()).contains("/marketplace/solutions/" + offer.get("SOLUTION_ID")));
    }

    /** Issue 23.3: a business error is a BPMN error event with its path, not an incident. */
    @Test
    void shouldEndNotOfferedWhenTheReplicateVerdictHasNoSupplierOnRecord() {
        Map<String, Object> variables = deliveryVariables();
        variables.remove(EvaluationProcess.COMPANY_GROUP.name());
        ProcessInstance evaluation = evaluatedAs(Verdict.REPLICATE, variables);

        assertThat(evaluation).isEnded().hasPassed(SEND_TASK_OFFER_FOR_REPLICATION, BOUNDARY_NO_SUPPLIER_ON_RECORD, END_NOT_OFFERED)
                .hasNotPassed(END_REPLICATE);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(evaluation.getId()).count()).isZero();
    }

    /**
     * A failing asynchronous service task is retried on the configured cycle (R3/PT1M), not at once,
     * and then becomes an incident whose message says what is wrong (what Cockpit shows).
     */
    @Test
    void aFailingStepRetriesThreeTimesAMinuteApartThenRaisesAReadableIncident() {
        // evaluation without the pilot's KPI variables: ServiceTask_PublishEvaluation gets an invalid verdict
        Map<String, Object> variables = deliveryVariables();
        ProcessInstance evaluation = engine.getRuntimeService().startProcessInstanceByKey(KEY, variables);
        driver.complete(evaluation.getId(), USER_TASK_KPI_RESULTS, Map.of(KPI_NAME.name(), "KPI", KPI_TARGET.name(), 1L, KPI_RESULT.name(), 1L));
        driver.complete(evaluation.getId(), USER_TASK_SURVEY_AND_BEHAVIOUR, Map.of(SURVEY_SCORE.name(), 1L, MEASURED_SCORE.name(), 1L));
        String decide = driver.task(evaluation.getId(), USER_TASK_DECIDE_VERDICT).getId();
        // the task itself refuses an outcome its form does not offer (forms.DecisionRules) ...
        assertThatThrownBy(() -> engine.getTaskService().complete(decide, Map.of(VERDICT.name(), "maybe", VERDICT_REASON.name(), "unsure")))
                .hasMessageContaining("verdict: not one of the outcomes");
        // ... so the bad value comes in around the form, as a variable written before the asynchronous step runs
        engine.getTaskService().complete(decide, Map.of(VERDICT.name(), "stop", VERDICT_REASON.name(), "unsure"));
        engine.getRuntimeService().setVariable(evaluation.getId(), VERDICT.name(), "maybe");

        Job job = management.createJobQuery().processInstanceId(evaluation.getId()).singleResult();
        assertThat(job.getRetries()).isEqualTo(3);
        for (int attempt = 1; attempt <= 3; attempt++) {
            String jobId = job.getId();
            assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining(VERDICT.name());
            job = management.createJobQuery().processInstanceId(evaluation.getId()).singleResult();
            assertThat(job.getRetries()).isEqualTo(3 - attempt);
            if (attempt < 3) {
                // the next try is scheduled about a minute later, not immediately
                assertThat(job.getDuedate()).isAfter(new java.util.Date(System.currentTimeMillis() + 50_000));
            }
        }

        Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(evaluation.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo(SERVICE_TASK_PUBLISH);
        assertThat(incident.getIncidentMessage()).isEqualTo("verdict: one of [scale-up, replicate, stop], was 'maybe'");
    }
}
