package eu.smartcity.accelerator.workflow.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.deployer.DecisionDefinitionDeployer;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Decisions are Flowable's (ADR 0001, docs/decisions.md): Camunda's own DMN engine evaluates none, and this plugin
 * makes that a rule the engine keeps rather than a habit. A new Camunda deployment with a DMN resource, or a BPMN whose
 * business rule task names a {@code camunda:decisionRef}, is refused with a message that says where decisions go.
 */
@Component
class FlowableOnlyDecisions extends AbstractProcessEnginePlugin {

    static final String REFUSED = "Decisions are evaluated by Flowable DMN, not by Camunda (docs/decisions.md): ";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = new ArrayList<>();
        if (configuration.getCustomPreDeployers() != null) {
            deployers.addAll(configuration.getCustomPreDeployers());
        }
        deployers.add(FlowableOnlyDecisions::refuseDecisionResources);
        configuration.setCustomPreDeployers(deployers);

        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPreBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPreBPMNParseListeners());
        }
        listeners.add(new RefuseDecisionTasks());
        configuration.setCustomPreBPMNParseListeners(listeners);
    }

    /** A new deployment (not one the engine re-reads from the database) carries no DMN resource. */
    static void refuseDecisionResources(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        for (String name : deployment.getResources().keySet()) {
            if (Arrays.stream(DecisionDefinitionDeployer.DMN_RESOURCE_SUFFIXES).anyMatch(name::endsWith)) {
                throw new ProcessEngineException(REFUSED + "deploy " + name + " under processes/ for Flowable, not to Camunda");
            }
        }
    }

    /** No business rule task evaluates a Camunda decision (a delegate or an expression is fine). */
    static final class RefuseDecisionTasks extends AbstractBpmnParseListener {
        @Override
        public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "decisionRef") != null) {
                throw new ProcessEngineException(REFUSED + "business rule task " + activity.getId()
                        + " names camunda:decisionRef; evaluate the decision through the DecisionService port instead");
            }
        }
    }
}
