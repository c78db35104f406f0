package eu.smartcity.accelerator.evaluation;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import static eu.smartcity.accelerator.evaluation.EvaluationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.ProcessTestBase;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every verdict of the evaluation process; survey and measurement are both kept, their gap shown. */
@AcceleratorTest
class EvaluationProcessTest extends ProcessTestBase {

    @Autowired JdbcTemplate jdbc;
    @Autowired ManagementService management;

    @ParameterizedTest(name = "verdict {0} ends in {1}")
    @CsvSource({"scale-up, EndEvent_ScaleUp", "replicate, EndEvent_Replicate", "stop, EndEvent_Stop"})
    void shouldEndInTheCitysVerdictAndKeepSurveyBesideMeasurement(String verdict, String endEvent) {
        Map<String, Object> variables = deliveryVariables();
        ProcessInstance evaluation = start(KEY, variables);
        driver.complete(evaluation.getId(), USER_TASK_KPI_RESULTS, Map.of("kpiName", "CO2 (t)", "kpiTarget", 100L, "kpiResult", 120L));
        driver.complete(evaluation.getId(), USER_TASK_SURVEY_AND_BEHAVIOUR, Map.of(SURVEY_SCORE, 40L, MEASURED_SCORE, 75L));
        assertThat(evaluation).variables().containsEntry(EVIDENCE_GAP, -35.0);
        driver.complete(evaluation.getId(), USER_TASK_DECIDE_VERDICT, Map.of(VERDICT, verdict, "verdictReason", "as measured"));

        assertThat(evaluation).isEnded().hasPassed(SERVICE_TASK_PUBLISH, endEvent);
        assertThat(jdbc.queryForMap("select survey_score, measured_score, evidence_gap, verdict from evaluation where id = ?",
                java.util.UUID.fromString((String) variables.get(ChallengeProcess.EVALUATION_ID.name()))))
                .containsEntry("SURVEY_SCORE", 40.0).containsEntry("MEASURED_SCORE", 75.0)
                .containsEntry("EVIDENCE_GAP", -35.0).containsEntry("VERDICT", verdict);
    }

    /**
     * A failing asynchronous service task is retried on the configured cycle (R3/PT1M), not at once,
     * and then becomes an incident whose message says what is wrong (what Cockpit shows).
     */
    @Test
    void aFailingStepRetriesThreeTimesAMinuteApartThenRaisesAReadableIncident() {
        // evaluation without the pilot's KPI variables: ServiceTask_PublishEvaluation gets an invalid verdict
        Map<String, Object> variables = deliveryVariables();
        ProcessInstance evaluation = engine.getRuntimeService().startProcessInstanceByKey("evaluation", variables);
        driver.complete(evaluation.getId(), "UserTask_RecordKpiResults", Map.of("kpiName", "KPI", "kpiTarget", 1L, "kpiResult", 1L));
        driver.complete(evaluation.getId(), "UserTask_RecordSurveyAndBehaviour", Map.of("surveyScore", 1L, "measuredScore", 1L));
        String decide = driver.task(evaluation.getId(), "UserTask_DecideVerdict").getId();
        // the task itself refuses an outcome its form does not offer (forms.DecisionRules) ...
        assertThatThrownBy(() -> engine.getTaskService().complete(decide, Map.of(ChallengeProcess.VERDICT.name(), "maybe", "verdictReason", "unsure")))
                .hasMessageContaining("verdict: not one of the outcomes");
        // ... so the bad value comes in around the form, as a variable written before the asynchronous step runs
        engine.getTaskService().complete(decide, Map.of(ChallengeProcess.VERDICT.name(), "stop", "verdictReason", "unsure"));
        engine.getRuntimeService().setVariable(evaluation.getId(), ChallengeProcess.VERDICT.name(), "maybe");

        Job job = management.createJobQuery().processInstanceId(evaluation.getId()).singleResult();
        assertThat(job.getRetries()).isEqualTo(3);
        for (int attempt = 1; attempt <= 3; attempt++) {
            String jobId = job.getId();
            assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining(ChallengeProcess.VERDICT.name());
            job = management.createJobQuery().processInstanceId(evaluation.getId()).singleResult();
            assertThat(job.getRetries()).isEqualTo(3 - attempt);
            if (attempt < 3) {
                // the next try is scheduled about a minute later, not immediately
                assertThat(job.getDuedate()).isAfter(new java.util.Date(System.currentTimeMillis() + 50_000));
            }
        }

        Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(evaluation.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("ServiceTask_PublishEvaluation");
        assertThat(incident.getIncidentMessage()).isEqualTo("verdict: one of [scale-up, replicate, stop], was 'maybe'");
    }
}
