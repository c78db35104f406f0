package eu.smartcity.accelerator.workflow.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.bpmn.behavior.ParallelMultiInstanceActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Parallel multi-instance activities keep no counters in the database (issue 19; docs/settings.md). Camunda stores
 * {@code nrOfInstances}, {@code nrOfActiveInstances} and {@code nrOfCompletedInstances} on the multi-instance body and
 * a {@code loopCounter} on each instance, and reads and updates two counters whenever an instance ends: opening a
 * juror's twenty score tasks inserted 23 counter rows, every mark read the body's variables and updated two of them,
 * and every row was deleted again. What the counters say is in the execution tree the engine loads anyway (one
 * child execution per instance, inactive once ended), so they are counted from it here; {@code loopCounter} is a
 * transient variable (expressions that create the instance can read it, nothing stores it). The element variable
 * (the juror of a seat, the application a mark is for) is stored as before.
 *
 * <p>Only where nothing needs the stored counters: parallel multi-instance without a {@code completionCondition} (the
 * one place a model reads them), and no model names them ({@code MultiInstanceWithoutCountersTest}). Instances
 * started before this plug-in keep their stored counters untouched and unread, and end as the tree says.
 */
@Component
class MultiInstanceWithoutCounters extends AbstractProcessEnginePlugin {

    /** The counters on the multi-instance body, derived from the tree here and never written. */
    static final Set<String> BODY_COUNTERS = Set.of(Counting.NUMBER_OF_INSTANCES, Counting.NUMBER_OF_ACTIVE_INSTANCES,
            Counting.NUMBER_OF_COMPLETED_INSTANCES);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.add(new Listener());
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /** Gives each parallel multi-instance body without a completion condition the counting behaviour. */
    static final class Listener extends AbstractBpmnParseListener {

        @Override
        public void parseMultiInstanceLoopCharacteristics(Element activityElement, Element loopCharacteristics, ActivityImpl body) {
            if (body.getActivityBehavior() instanceof ParallelMultiInstanceActivityBehavior parsed && !(parsed instanceof Counting)
                    && parsed.getCompletionConditionExpression() == null) {
                Counting counting = new Counting();
                counting.setLoopCardinalityExpression(parsed.getLoopCardinalityExpression());
                counting.setCollectionExpression(parsed.getCollectionExpression());
                counting.setCollectionVariable(parsed.getCollectionVariable());
                counting.setCollectionElementVariable(parsed.getCollectionElementVariable());
                body.setActivityBehavior(counting);
            }
        }
    }

    /** Camunda's parallel multi-instance with its counters read from the execution tree instead of variables. */
    static final class Counting extends ParallelMultiInstanceActivityBehavior {

        @Override
        protected void setLoopVariable(ActivityExecution execution, String variableName, Object value) {
            if (LOOP_COUNTER.equals(variableName)) {
                execution.setVariableLocal(variableName, Variables.integerValue((Integer) value, true));
            } else if (!BODY_COUNTERS.contains(variableName)) {
                super.setLoopVariable(execution, variableName, value); // the element variable
            }
        }

        @Override
        protected Integer getLoopVariable(ActivityExecution body, String variableName) {
            return counted(body, variableName);
        }

        @Override
        protected Integer getLocalLoopVariable(ActivityExecution body, String variableName) {
            return counted(body, variableName);
        }

        /** Every instance ended: each child of the body is inactive at the inner activity (Camunda also asks its counter). */
        @Override
        protected boolean allExecutionsEnded(ActivityExecution body, ActivityExecution ended) {
            return ended.findInactiveConcurrentExecutions(ended.getActivity()).size() == body.getExecutions().size();
        }

        /**
         * An instance is a child execution of the body; one that ended is inactive and back at the inner activity (a
         * running one is active, or inactive with no activity while its scope runs below it).
         */
        static int counted(ActivityExecution body, String variableName) {
            List<? extends PvmExecutionImpl> instances = ((PvmExecutionImpl) body).getNonEventScopeExecutions();
            int completed = (int) instances.stream().filter(i -> !i.isActive() && i.getActivity() != null).count();
            return switch (variableName) {
                case NUMBER_OF_INSTANCES -> instances.size();
                case NUMBER_OF_COMPLETED_INSTANCES -> completed;
                case NUMBER_OF_ACTIVE_INSTANCES -> instances.size() - completed;
                default -> throw new IllegalArgumentException(variableName + " is not a counter of a multi-instance body");
            };
        }
    }
}
