package eu.smartcity.accelerator.workflow;

import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/** Helpers around {@link Variable}: building the variable maps a start, a correlation or a task completion takes. */
public final class ProcessVariables {

    private ProcessVariables() {}

    /** {@code ProcessVariables.of(CHALLENGE_ID.with(id), CITY_GROUP.with(group))}; null values are kept as null. */
    @SafeVarargs
    public static VariableMap of(Map.Entry<String, Object>... entries) {
        VariableMap variables = Variables.createVariables();
        for (Map.Entry<String, Object> entry : entries) {
            variables.putValue(entry.getKey(), entry.getValue());
        }
        return variables;
    }

    /**
     * Reading an untyped variable a step cannot do without. Prefer {@link Variable#from}; kept for variables not yet
     * declared in a contract.
     */
    public static String required(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            throw new IllegalStateException("Process variable '" + name + "' is missing");
        }
        return value.toString();
    }
}
