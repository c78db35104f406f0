package eu.smartcity.accelerator.workflow;

import eu.smartcity.accelerator.forms.TaskValuesKeeper;
import eu.smartcity.accelerator.workflow.internal.TreeFirstCompletion;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completes a user task with a person's answers: a {@link TaskValuesKeeper} takes the answers its feature
 * keeps in its own records, the rest become process variables. The records and the completion commit
 * together or not at all. The completion reads the instance's execution tree first ({@link TreeFirstCompletion}).
 */
@Service
public class TaskCompletions {

    private final TreeFirstCompletion completion;
    private final List<TaskValuesKeeper> keepers;

    TaskCompletions(TreeFirstCompletion completion, List<TaskValuesKeeper> keepers) {
        this.completion = completion;
        this.keepers = keepers;
    }

    /** @param userId who completes (the assignee); may be null for a group task no keeper keeps */
    @Transactional
    public void complete(Task task, String userId, Map<String, Object> values) {
        Map<String, Object> variables = values;
        for (TaskValuesKeeper keeper : keepers) {
            if (keeper.keeps(task.getTaskDefinitionKey())) {
                variables = keeper.keep(task, userId, values);
            }
        }
        completion.complete(task.getId(), variables);
    }
}
