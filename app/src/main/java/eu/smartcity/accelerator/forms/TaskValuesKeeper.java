package eu.smartcity.accelerator.forms;

import java.util.Map;
import org.camunda.bpm.engine.task.Task;

/**
 * A feature whose task answers belong in its own records, not in process variables. Process variables
 * are readable by anyone with rights on the task or its history, and history keeps them for years: a
 * juror's marks must stay that juror's until the ranking. {@code workflow.TaskCompletions} hands a submitted
 * form to the keeper of its task, which stores what is private and returns only what the process
 * needs to route on.
 */
public interface TaskValuesKeeper {

    boolean keeps(String taskDefinitionKey);

    /**
     * Stores the answers in the feature's records (in the completing transaction).
     *
     * @return the variables the process continues with (often none)
     * @throws eu.smartcity.accelerator.shared.RuleViolationException naming the field, the message key and its
     *         arguments when an answer breaks a rule the form cannot express
     */
    Map<String, Object> keep(Task task, String userId, Map<String, Object> values);
}
