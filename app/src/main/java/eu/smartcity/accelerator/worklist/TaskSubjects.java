package eu.smartcity.accelerator.worklist;

import eu.smartcity.accelerator.identity.CurrentUser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/** Chooses the {@link SubjectView} of a task by its task definition key; one view per key, checked at start-up. */
@Service
class TaskSubjects {

    private final Map<String, SubjectView> byTaskKey = new HashMap<>();
    private final TaskService tasks;
    private final RuntimeService runtime;

    TaskSubjects(List<SubjectView> views, TaskService tasks, RuntimeService runtime) {
        this.tasks = tasks;
        this.runtime = runtime;
        for (SubjectView view : views) {
            for (String key : view.taskKeys()) {
                SubjectView before = byTaskKey.put(key, view);
                if (before != null) {
                    throw new IllegalStateException(key + " has two subject views: " + before.getClass().getSimpleName()
                            + " and " + view.getClass().getSimpleName());
                }
            }
        }
    }

    Set<String> taskKeys() {
        return Set.copyOf(byTaskKey.keySet());
    }

    /**
     * The subject of the task for this reader; empty when the task's kind has no view or its records do not exist.
     *
     * @throws SubjectView.NotYours when the records belong to another organisation
     */
    Optional<TaskSubject> of(Task task, CurrentUser user) {
        SubjectView view = byTaskKey.get(task.getTaskDefinitionKey());
        return view == null ? Optional.empty() : view.read(ids(task), user);
    }

    TaskSubject.Context contextOf(Task task) {
        SubjectView view = byTaskKey.get(task.getTaskDefinitionKey());
        return view == null ? TaskSubject.Context.NONE : view.context(ids(task)).orElse(TaskSubject.Context.NONE);
    }

    /** For a task being created (Tasklist names): its variables and business key as the process set them. */
    TaskSubject.Context contextOf(TaskIds ids) {
        SubjectView view = byTaskKey.get(ids.taskDefinitionKey());
        return view == null ? TaskSubject.Context.NONE : view.context(ids).orElse(TaskSubject.Context.NONE);
    }

    private TaskIds ids(Task task) {
        ProcessInstance instance = task.getProcessInstanceId() == null ? null
                : runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
        return new TaskIds(task.getTaskDefinitionKey(), task.getProcessInstanceId(), task.getExecutionId(),
                instance == null ? null : instance.getBusinessKey(), tasks.getVariables(task.getId()));
    }
}
