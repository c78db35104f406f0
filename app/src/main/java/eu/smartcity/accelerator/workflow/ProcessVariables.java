package eu.smartcity.accelerator.workflow;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reading process variables a step cannot do without: a missing one is an error that names it (and its incident says so). */
public final class ProcessVariables {

    private ProcessVariables() {}

    public static String required(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            throw new IllegalStateException("Process variable '" + name + "' is missing");
        }
        return value.toString();
    }
}
