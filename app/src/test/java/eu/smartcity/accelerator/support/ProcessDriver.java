package eu.smartcity.accelerator.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives a process instance and the instances it called, the way users and the job executor would:
 * completes tasks by their BPMN id, runs asynchronous continuations, fires a timer when the test says
 * so (never by waiting). The job executor is off in tests, so nothing happens behind the test's back.
 */
public class ProcessDriver {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;

    public ProcessDriver(ProcessEngine engine) {
        this.runtime = engine.getRuntimeService();
        this.tasks = engine.getTaskService();
        this.management = engine.getManagementService();
    }

    /** The root instance and every instance it (transitively) called, running now. */
    public List<String> family(String rootProcessInstanceId) {
        List<String> ids = new ArrayList<>();
        ids.add(rootProcessInstanceId);
        for (int i = 0; i < ids.size(); i++) {
            for (ProcessInstance child : runtime.createProcessInstanceQuery().superProcessInstanceId(ids.get(i)).list()) {
                ids.add(child.getId());
            }
        }
        return ids;
    }

    /** The one open task with this BPMN id in the family (fails when there is none or several). */
    public Task task(String rootProcessInstanceId, String taskKey) {
        List<Task> found = tasks(rootProcessInstanceId, taskKey);
        assertThat(found).as("open tasks %s", taskKey).hasSize(1);
        return found.get(0);
    }

    public List<Task> tasks(String rootProcessInstanceId, String taskKey) {
        List<Task> found = new ArrayList<>();
        for (String id : family(rootProcessInstanceId)) {
            found.addAll(tasks.createTaskQuery().processInstanceId(id).taskDefinitionKey(taskKey).list());
        }
        return found;
    }

    public Task taskOf(String rootProcessInstanceId, String taskKey, String assignee) {
        return tasks(rootProcessInstanceId, taskKey).stream().filter(t -> assignee.equals(t.getAssignee())).findFirst()
                .orElseThrow(() -> new AssertionError("no open " + taskKey + " assigned to " + assignee));
    }

    public void complete(String rootProcessInstanceId, String taskKey, Map<String, Object> variables) {
        tasks.complete(task(rootProcessInstanceId, taskKey).getId(), variables);
        runAsyncJobs(rootProcessInstanceId);
    }

    public void complete(Task task, Map<String, Object> variables, String rootProcessInstanceId) {
        tasks.complete(task.getId(), variables);
        runAsyncJobs(rootProcessInstanceId);
    }

    /** Runs every due, non-timer job of the family until none is left (async continuations). */
    public void runAsyncJobs(String rootProcessInstanceId) {
        for (int round = 0; round < 50; round++) {
            List<Job> due = new ArrayList<>();
            for (String id : family(rootProcessInstanceId)) {
                management.createJobQuery().processInstanceId(id).messages().withRetriesLeft().list().forEach(due::add);
            }
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("async jobs of " + rootProcessInstanceId + " keep coming back");
    }

    /** Fires the timer attached to or waiting at this BPMN element, as if its time had come. */
    public void fireTimer(String rootProcessInstanceId, String timerElementId) {
        Job timer = null;
        for (String id : family(rootProcessInstanceId)) {
            for (Job job : management.createJobQuery().processInstanceId(id).timers().activityId(timerElementId).list()) {
                timer = job;
            }
        }
        assertThat(timer).as("timer job at %s", timerElementId).isNotNull();
        management.executeJob(timer.getId());
        runAsyncJobs(rootProcessInstanceId);
    }
}
