package eu.smartcity.accelerator.workflow.internal;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.support.AcceleratorTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 19, point 3: the history each process keeps (AuditTrailHistory, docs/settings.md). */
@AcceleratorTest
class AuditTrailHistoryTest {

    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired AuditTrailHistory rules;

    @Test
    void aProcessOutsideTheProcurementRecordKeepsItsVariablesButNotEveryChangeOfThem() {
        ProcessInstance instance = runtime.startProcessInstanceByKey("smoke-decision", UUID.randomUUID().toString(),
                Map.of("requestedBudget", 12_000L));

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).finished().count()).isOne();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName("budgetVerdict")
                .singleResult().getValue()).isEqualTo("over-cap");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).activityId("ServiceTask_CheckBudget")
                .count()).isOne();
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void theProcurementProcessesKeepEveryVariableChangeAndNoProcessKeepsItsGateways() {
        assertThat(rules.keepsDetail(variableUpdateIn("challenge"))).isTrue();
        assertThat(rules.keepsDetail(variableUpdateIn("contract"))).isTrue();
        for (String key : List.of("application", "accelerator-cycle", "pilot", "evaluation", "smoke-decision")) {
            assertThat(rules.keepsDetail(variableUpdateIn(key))).as(key).isFalse();
        }
        assertThat(rules.keeps(activity("exclusiveGateway"))).isFalse();
        assertThat(rules.keeps(activity("parallelGateway"))).isFalse();
        for (String type : List.of("userTask", "serviceTask", "receiveTask", "startEvent", "noneEndEvent", "callActivity", "boundaryTimer")) {
            assertThat(rules.keeps(activity(type))).as(type).isTrue();
        }
        assertThat(new AuditTrailHistory(List.of("*")).keepsDetail(variableUpdateIn("application"))).isTrue();
    }

    private static HistoricVariableUpdateEventEntity variableUpdateIn(String processDefinitionKey) {
        HistoricVariableUpdateEventEntity event = new HistoricVariableUpdateEventEntity();
        event.setProcessDefinitionKey(processDefinitionKey);
        return event;
    }

    private static HistoricActivityInstanceEventEntity activity(String type) {
        HistoricActivityInstanceEventEntity event = new HistoricActivityInstanceEventEntity();
        event.setActivityType(type);
        return event;
    }
}
