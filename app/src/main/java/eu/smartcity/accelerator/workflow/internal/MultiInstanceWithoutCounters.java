package eu.smartcity.accelerator.workflow.internal;

import eu.smartcity.accelerator.workflow.MultiInstanceElements;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.bpmn.behavior.ParallelMultiInstanceActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Parallel multi-instance activities keep no counters in the database (issue 19; docs/settings.md). Camunda stores
 * {@code nrOfInstances}, {@code nrOfActiveInstances} and {@code nrOfCompletedInstances} on the multi-instance body and
 * a {@code loopCounter} on each instance, and reads and updates two counters whenever an instance ends: opening a
 * juror's twenty score tasks inserted 23 counter rows, every mark read the body's variables and updated two of them,
 * and every row was deleted again. What the counters say is in the execution tree the engine loads anyway (one
 * child execution per instance, inactive once ended), so they are counted from it here; {@code loopCounter} is a
 * transient variable (expressions that create the instance can read it, nothing stores it). The element variable
 * (the juror of a seat) is stored as before, unless a feature keeps it in its own records ({@link MultiInstanceElements}:
 * the application a mark is for): then it is transient too, and the feature gets every instance's element at once.
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

    private final Supplier<List<MultiInstanceElements>> keepers;

    MultiInstanceWithoutCounters(ObjectProvider<MultiInstanceElements> keepers) {
        // looked up at the first multi-instance, after the engine and the features' beans exist
        this.keepers = () -> keepers.orderedStream().toList();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.add(new Listener(keepers));
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /** Gives each parallel multi-instance body without a completion condition the counting behaviour. */
    static final class Listener extends AbstractBpmnParseListener {

        private final Supplier<List<MultiInstanceElements>> keepers;

        Listener(Supplier<List<MultiInstanceElements>> keepers) {
            this.keepers = keepers;
        }

        Listener() {
            this(List::of);
        }

        @Override
        public void parseMultiInstanceLoopCharacteristics(Element activityElement, Element loopCharacteristics, ActivityImpl body) {
            if (body.getActivityBehavior() instanceof ParallelMultiInstanceActivityBehavior parsed && !(parsed instanceof Counting)
                    && parsed.getCompletionConditionExpression() == null) {
                Counting counting = new Counting(body.getProcessDefinition() instanceof ProcessDefinitionEntity definition
                        ? definition.getKey() : null, activityElement.attribute("id"), keepers);
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

        /** The elements of the instances being created by a kept body, by execution id (bodies may nest: one per call). */
        private static final ThreadLocal<Map<String, Object>> OPENING = new ThreadLocal<>();

        private final String processKey;
        private final String activityId;
        private final Supplier<List<MultiInstanceElements>> keepers;
        private volatile MultiInstanceElements keeper;
        private volatile boolean looked;

        Counting(String processKey, String activityId, Supplier<List<MultiInstanceElements>> keepers) {
            this.processKey = processKey;
            this.activityId = activityId;
            this.keepers = keepers;
        }

        Counting() {
            this(null, null, List::of);
        }

        /** The feature keeping this activity's element, or null (looked up once: the beans do not change). */
        private MultiInstanceElements keeper() {
            if (!looked) {
                keeper = keepers.get().stream().filter(k -> k.keeps(processKey, activityId)).findFirst().orElse(null);
                looked = true;
            }
            return keeper;
        }

        @Override
        protected void createInstances(ActivityExecution execution, int nrOfInstances) throws Exception {
            MultiInstanceElements kept = getCollectionElementVariable() == null ? null : keeper();
            if (kept == null) {
                super.createInstances(execution, nrOfInstances);
                return;
            }
            Map<String, Object> outer = OPENING.get();
            Map<String, Object> opened = new LinkedHashMap<>();
            OPENING.set(opened);
            try {
                super.createInstances(execution, nrOfInstances);
            } finally {
                OPENING.set(outer);
            }
            if (!opened.isEmpty()) {
                kept.opened(processKey, activityId, execution, opened);
            }
        }

        @Override
        protected void setLoopVariable(ActivityExecution execution, String variableName, Object value) {
            if (LOOP_COUNTER.equals(variableName)) {
                execution.setVariableLocal(variableName, Variables.integerValue((Integer) value, true));
                TransientsForgotten.atClose(execution, variableName);
            } else if (variableName.equals(getCollectionElementVariable()) && OPENING.get() != null && keeper() != null) {
                // kept by a feature: readable while the instance is created, never stored
                execution.setVariableLocal(variableName, Variables.untypedValue(value, true));
                TransientsForgotten.atClose(execution, variableName);
                OPENING.get().put(execution.getId(), value);
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

    /**
     * The transient values of the instances a command created, removed as the command closes, before its flush. A
     * transient value stays in the execution's variable store until the command ends, so the flush marked the
     * instance's row as having variables ({@code ACT_RU_EXECUTION.CACHED_ENT_STATE_}) although none is stored, and the
     * instance's end read them ({@code select act_ru_variable}, once per jury mark). Every expression and listener of
     * the command has run by then (the instances' assignees, their Tasklist names), and no later command could see a
     * transient value anyway; removing one writes nothing (no row, no history: it is transient). A value replaced by a
     * stored one in the meantime is left alone.
     */
    static final class TransientsForgotten implements CommandContextListener {

        /** The listener of the thread's current command, if it has one. */
        private static final ThreadLocal<TransientsForgotten> CURRENT = new ThreadLocal<>();

        private final CommandContext command;
        private final List<Map.Entry<ActivityExecution, String>> values = new ArrayList<>();

        private TransientsForgotten(CommandContext command) {
            this.command = command;
        }

        /** Removes the transient {@code variableName} of {@code execution} when the current command closes. */
        static void atClose(ActivityExecution execution, String variableName) {
            CommandContext command = Context.getCommandContext();
            if (command == null) {
                return;
            }
            TransientsForgotten forgotten = CURRENT.get();
            if (forgotten == null || forgotten.command != command) {
                forgotten = new TransientsForgotten(command);
                command.registerCommandContextListener(forgotten);
                CURRENT.set(forgotten);
            }
            forgotten.values.add(Map.entry(execution, variableName));
        }

        @Override
        public void onCommandContextClose(CommandContext commandContext) {
            forget();
            for (Map.Entry<ActivityExecution, String> value : values) {
                TypedValue held = value.getKey().getVariableLocalTyped(value.getValue(), false);
                if (held != null && held.isTransient()) {
                    value.getKey().removeVariableLocal(value.getValue());
                }
            }
        }

        @Override
        public void onCommandFailed(CommandContext commandContext, Throwable t) {
            forget();
        }

        private void forget() {
            if (CURRENT.get() == this) {
                CURRENT.remove();
            }
        }
    }
}
