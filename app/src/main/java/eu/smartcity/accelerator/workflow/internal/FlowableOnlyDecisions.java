package eu.smartcity.accelerator.workflow.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.deployer.DecisionDefinitionDeployer;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
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
 * <p>
 * What it buys (issue 19, point 3; docs/settings.md "History"): when a root process instance ends, Camunda's
 * {@code removalTimeBased} cleanup sets the removal time in every history table of the instance's tree, the three
 * decision tables ({@code ACT_HI_DECINST}, {@code ACT_HI_DEC_IN}, {@code ACT_HI_DEC_OUT}) included. No process can
 * have evaluated a Camunda decision, so those three updates (one per table and root end, 0.8 statements per completed
 * task in the engine benchmark) are left out; every other table still gets its removal time.
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

        if (configuration.getHistoryEventProducer() != null) {
            throw new IllegalStateException("Another history event producer is configured: " + configuration.getHistoryEventProducer());
        }
        configuration.setHistoryEventProducer(new Producer());
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

    /** Camunda's history event producer, without the removal time of decision history no process can have. */
    static final class Producer extends CacheAwareHistoryEventProducer {
        @Override
        protected void addRemovalTimeToHistoricDecisions(String rootProcessInstanceId, Date removalTime) {
            // no Camunda decision instance belongs to a process instance: see the class comment
        }
    }
}
