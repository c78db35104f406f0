package eu.smartcity.accelerator.worklist;

import eu.smartcity.accelerator.workflow.Variable;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The ids by which a task finds its records: its process instance (set by the engine) and the id
 * variables the processes set (challengeId, contractId, …). Anyone with task rights could rewrite a
 * variable, so these only find records; each view then checks whose records they are. The task's execution finds what
 * a feature keeps per task instead of a variable (the application a score task is for).
 */
record TaskIds(String taskDefinitionKey, String processInstanceId, String executionId, String businessKey, Map<String, Object> variables) {

    Optional<UUID> uuid(Variable<UUID> variable) {
        return parse(variables.get(variable.name()));
    }

    Optional<UUID> businessKeyId() {
        return parse(businessKey);
    }

    private static Optional<UUID> parse(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.toString()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
