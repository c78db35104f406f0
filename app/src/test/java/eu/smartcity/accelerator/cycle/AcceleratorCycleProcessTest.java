package eu.smartcity.accelerator.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.ProcessDriver;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The accelerator-cycle process: opened with its bylaws, closed by the coordinator, reported. */
@AcceleratorTest
class AcceleratorCycleProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired Cycles cycles;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void reset() {
        BpmnAwareTests.reset();
    }

    @Test
    void shouldEndInCycleClosedWhenTheCoordinatorClosesIt() {
        Cycles.CycleView cycle = cycles.open("Cycle to close", "scifi-2024");
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(cycle.id().toString()).processDefinitionKey("accelerator-cycle").singleResult();
        ProcessDriver driver = new ProcessDriver(engine);

        assertThat(instance).isWaitingAt("UserTask_CloseCycle").task().hasCandidateGroup("coordinators");
        driver.complete(instance.getId(), "UserTask_CloseCycle", Map.of("closeConfirmed", true));

        assertThat(instance).isEnded().hasPassed("ServiceTask_WriteCycleReport", "EndEvent_CycleClosed");
        assertThat(cycles.get(cycle.id()).status()).isEqualTo("CLOSED");
    }
}
