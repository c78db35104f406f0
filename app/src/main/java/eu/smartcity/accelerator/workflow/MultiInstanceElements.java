package eu.smartcity.accelerator.workflow;

import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A feature that keeps the element of a parallel multi-instance activity in its own records instead of the process
 * (issue 19): the element variable is then transient on each instance — the expressions and listeners that create the
 * instance read it as before, nothing stores it — and {@link #opened} gets every instance's element at once, in the
 * transaction that creates them, to keep with one batched write. Whoever reads the element later asks the feature, by
 * the instance's execution id (a task's {@code getExecutionId()}); an instance created before its activity was kept
 * still holds its stored variable.
 */
public interface MultiInstanceElements {

    /** Whether this feature keeps the element of {@code activityId} (the inner activity, not its body) in process {@code processKey}. */
    boolean keeps(String processKey, String activityId);

    /**
     * The instances just created by one multi-instance body: each instance's execution id and element, in order.
     *
     * @param body the body's execution, whose variables (those of the scopes above it) say what the instances are for
     */
    void opened(String processKey, String activityId, VariableScope body, Map<String, Object> elementByExecution);
}
