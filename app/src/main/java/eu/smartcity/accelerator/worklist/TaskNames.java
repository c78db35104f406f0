package eu.smartcity.accelerator.worklist;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tasklist (and Cockpit's user-task list) show a task by its name, which the BPMN gives per kind
 * ("Review draft contract"); two such tasks look alike. When a task is created, its name gets the
 * challenge and city: "Review draft contract — Smart parking (Delft)". Through Camunda's Spring eventing,
 * so the models stay as they are. Nothing looks a task up by its name (queries use the definition key);
 * the portal shows its own translated name and the context beside it.
 */
@Component
class TaskNames {

    /** Camunda's task name column holds 255 characters; a name should stay readable in a list anyway. */
    static final int MAX_TITLE = 60;

    private final TaskSubjects subjects;

    TaskNames(TaskSubjects subjects) {
        this.subjects = subjects;
    }

    @EventListener
    public void onTask(DelegateTask task) {
        if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) || task.getName() == null
                || !kindOf(task.getName()).equals(task.getName())) {
            return;
        }
        TaskSubject.Context context = subjects.contextOf(new TaskIds(task.getTaskDefinitionKey(), task.getProcessInstanceId(), null,
                task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey(), variables(task)));
        String label = label(context);
        if (!label.isEmpty() && ChallengeProcess.USER_TASK_SCORE_APPLICATION.equals(task.getTaskDefinitionKey()) && context.company() != null) {
            // a juror has one score task per application of the same challenge: the name says whose (Tasklist shows no
            // more; the application is the selection's record, not a variable its form could show)
            label = context.company() + " — " + label;
        }
        if (!label.isEmpty()) {
            String name = task.getName() + " — " + label;
            task.setName(name.length() > 255 ? name.substring(0, 254) + "…" : name);
        }
    }

    /**
     * What the task sees at its creation (no execution id in its ids: what a feature keeps per task is written once the
     * tasks exist; the element of a multi-instance is in the execution's variables, transient or stored): its execution's variables (a task being created has none of its own yet, and
     * asking the task for its own would query for them, once per new task: twenty when a juror's scoring opens).
     */
    private static java.util.Map<String, Object> variables(DelegateTask task) {
        return task.getExecution() != null ? task.getExecution().getVariables() : task.getVariables();
    }

    /** The task's kind as the BPMN names it, without the context this class appended. */
    static String kindOf(String name) {
        if (name == null) {
            return "";
        }
        int context = name.indexOf(" — ");
        return context < 0 ? name : name.substring(0, context);
    }

    static String label(TaskSubject.Context context) {
        if (context.title() == null) {
            return "";
        }
        String title = context.title().length() > MAX_TITLE ? context.title().substring(0, MAX_TITLE - 1) + "…" : context.title();
        return context.city() == null ? title : title + " (" + context.city() + ")";
    }
}
