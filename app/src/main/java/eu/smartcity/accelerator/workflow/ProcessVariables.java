package eu.smartcity.accelerator.workflow;

import java.util.Map;
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
}
