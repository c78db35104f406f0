package eu.smartcity.accelerator.workflow.internal;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Completes a user task the way {@code TaskService.complete} does (Camunda's own {@link CompleteTaskCmd}, in one
 * command with the same checks, listeners and log), after reading the task's process instance's execution tree in one
 * statement (issue 19, point 3; docs/settings.md "task completion").
 * <p>
 * Completing a task reads its execution by id (to set the answers), then its process instance by id, then, for the
 * history and to end the task's execution, the whole tree of the instance: three statements, the first two for rows
 * the third brings again. With the tree read first — as Camunda itself reads it ({@code ensureExecutionTreeInitialized}:
 * the executions by process instance, then {@code restoreProcessInstance}) — the two look-ups by id are answered by
 * the command's entity cache. A task outside a process instance (a stand-alone task) is completed as it is.
 */
@Component
public class TreeFirstCompletion {

    private final ProcessEngineConfigurationImpl engine;

    TreeFirstCompletion(ProcessEngineConfiguration engine) {
        this.engine = (ProcessEngineConfigurationImpl) engine;
    }

    public void complete(String taskId, Map<String, Object> variables) {
        engine.getCommandExecutorTxRequired().execute((CommandContext context) -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task != null && task.getProcessInstanceId() != null && engine.isExecutionTreePrefetchEnabled()) {
                List<ExecutionEntity> tree = context.getExecutionManager().findExecutionsByProcessInstanceId(task.getProcessInstanceId());
                tree.stream().filter(ExecutionEntity::isProcessInstanceExecution).findFirst()
                        .ifPresent(instance -> instance.restoreProcessInstance(tree, null, null, null, null, null, null));
            }
            return new CompleteTaskCmd(taskId, variables).execute(context);
        });
    }
}
