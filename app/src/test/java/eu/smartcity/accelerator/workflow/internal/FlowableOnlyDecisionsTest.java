package eu.smartcity.accelerator.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smartcity.accelerator.support.AcceleratorTest;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Camunda evaluates no decision (they are Flowable's): the engine refuses a decision model and a decisionRef. */
@AcceleratorTest
class FlowableOnlyDecisionsTest {

    static final String KEY = "flowable-only-decisions";
    static final String DMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x">
              <decision id="camunda-decision" name="d">
                <decisionTable id="t"><output id="o" typeRef="string"/></decisionTable>
              </decision>
            </definitions>
            """;

    @Autowired RepositoryService repository;

    Deployment deployment;

    @AfterEach
    void undeploy() {
        if (deployment != null) {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void camundaHoldsNoDecisionDefinition() {
        assertThat(repository.createDecisionDefinitionQuery().count()).isZero();
        assertThat(repository.createDecisionRequirementsDefinitionQuery().count()).isZero();
    }

    @Test
    void aDecisionModelIsNotDeployedToCamunda() {
        assertThatThrownBy(() -> repository.createDeployment().addString(KEY + ".dmn", DMN).deploy())
                .isInstanceOf(ProcessEngineException.class).hasStackTraceContaining(FlowableOnlyDecisions.REFUSED);
        assertThatThrownBy(() -> repository.createDeployment().addString(KEY + ".dmn11.xml", DMN).deploy())
                .isInstanceOf(ProcessEngineException.class).hasStackTraceContaining(FlowableOnlyDecisions.REFUSED);
        assertThat(repository.createDecisionDefinitionQuery().count()).isZero();
    }

    @Test
    void aBusinessRuleTaskMayNotNameACamundaDecision() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
                .startEvent().businessRuleTask("BusinessRuleTask_Decide").camundaDecisionRef("camunda-decision").endEvent().done();
        assertThatThrownBy(() -> repository.createDeployment().addModelInstance(KEY + ".bpmn", model).deploy())
                .isInstanceOf(ProcessEngineException.class).hasStackTraceContaining(FlowableOnlyDecisions.REFUSED)
                .hasStackTraceContaining("BusinessRuleTask_Decide");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(KEY).count()).isZero();
    }

    @Test
    void aBusinessRuleTaskWithADelegateOrAnExpressionIsFine() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
                .startEvent().businessRuleTask("BusinessRuleTask_Decide").camundaExpression("${true}").endEvent().done();
        deployment = repository.createDeployment().addModelInstance(KEY + ".bpmn", model).deploy();
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(KEY).count()).isOne();
    }
}
