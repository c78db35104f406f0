package eu.smartcity.accelerator.workflow;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import eu.smartcity.accelerator.support.AcceleratorTest;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A BPMN service task evaluates a Flowable decision through the DecisionService port, end to end. */
@AcceleratorTest
class SmokeDecisionProcessTest {

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired DecisionRecords decisionRecords;

    @BeforeEach
    void bindAssertionsToThisEngine() {
        BpmnAwareTests.init(processEngine);
    }

    @AfterEach
    void unbindAssertions() {
        BpmnAwareTests.reset();
    }

    @Test
    void shouldEndCheckedAsOverCapWhenBudgetExceedsTheCap() {
        String businessKey = UUID.randomUUID().toString();
        ProcessInstance instance = runtimeService.startProcessInstanceByKey("smoke-decision", businessKey,
                Map.of("requestedBudget", 12_000L));

        assertThat(instance).isEnded().hasPassed("ServiceTask_CheckBudget").hasPassed("EndEvent_Checked");
        assertThat(historicVariable(instance, "budgetVerdict")).isEqualTo("over-cap");

        SpinJsonNode result = (SpinJsonNode) historicVariable(instance, "smokeCheckResult");
        assertThat(result.elements()).hasSize(1);
        assertThat(result.elements().get(0).prop("budgetVerdict").stringValue()).isEqualTo("over-cap");

        assertThat(decisionRecords.forSubject("smoke-decision", businessKey))
                .singleElement()
                .satisfies(record -> {
                    assertThat(record.decisionKey()).isEqualTo("smoke-check");
                    assertThat(record.decisionVersion()).isPositive();
                    assertThat(record.processInstanceId()).isEqualTo(instance.getId());
                    assertThat(record.matchedRulesJson()).contains("Rule_OverCap").doesNotContain("Rule_WithinCap");
                    assertThat(record.inputsJson()).contains("\"requestedBudget\":12000");
                    assertThat(record.outputsJson()).contains("over-cap");
                });
    }

    @Test
    void shouldEndCheckedAsWithinCapAtTheBoundary() {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey("smoke-decision",
                UUID.randomUUID().toString(), Map.of("requestedBudget", 10_000L));

        assertThat(instance).isEnded().hasPassed("EndEvent_Checked");
        assertThat(historicVariable(instance, "budgetVerdict")).isEqualTo("within-cap");
    }

    private Object historicVariable(ProcessInstance instance, String name) {
        return historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(name).singleResult().getValue();
    }
}
