package eu.smartcity.accelerator.evaluation;

import static eu.smartcity.accelerator.evaluation.EvaluationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.ProcessTestBase;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every verdict of the evaluation process; survey and measurement are both kept, their gap shown. */
@AcceleratorTest
class EvaluationProcessTest extends ProcessTestBase {

    @Autowired JdbcTemplate jdbc;

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
                java.util.UUID.fromString((String) variables.get("evaluationId"))))
                .containsEntry("SURVEY_SCORE", 40.0).containsEntry("MEASURED_SCORE", 75.0)
                .containsEntry("EVIDENCE_GAP", -35.0).containsEntry("VERDICT", verdict);
    }
}
