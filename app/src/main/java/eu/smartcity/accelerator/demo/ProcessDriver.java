package eu.smartcity.accelerator.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import eu.smartcity.accelerator.workflow.AsyncJobHints;
import eu.smartcity.accelerator.workflow.TaskCompletions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives a process instance and the instances it called, the way users and the job executor would:
 * completes tasks by their BPMN id, runs asynchronous continuations, fires a timer when told to (never
 * by waiting). Used by the demo content and by the process tests.
 *
 * <p>Given the app's {@link TaskCompletions}, it completes tasks the way the portal does (a juror's marks go
 * to the selection's records, not into the process); without, it completes through the bare engine, which
 * refuses the tasks whose answers a feature keeps.
 */
public class ProcessDriver {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final TaskCompletions completions;
    /** Which families may have a new asynchronous job (null: an engine without them; then every step looks). */
    private final AsyncJobHints hints;
    /** Instances found to be roots (an instance's root never changes): their jobs are asked for by root, without the family. */
    private final java.util.Set<String> roots = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public ProcessDriver(ProcessEngine engine) {
        this(engine, null);
    }

    public ProcessDriver(ProcessEngine engine, TaskCompletions completions) {
        this.runtime = engine.getRuntimeService();
        this.tasks = engine.getTaskService();
        this.management = engine.getManagementService();
        this.completions = completions;
        this.hints = AsyncJobHints.of(engine);
    }

    /**
     * The root instance and every instance it (transitively) called, running now: one query by root instance (each
     * instance knows its root); given an instance that is not a root, the call hierarchy is walked level by level.
     */
    public List<String> family(String rootProcessInstanceId) {
        List<String> ids = new ArrayList<>();
        ids.add(rootProcessInstanceId);
        List<ProcessInstance> byRoot = runtime.createProcessInstanceQuery().rootProcessInstanceId(rootProcessInstanceId).list();
        if (!byRoot.isEmpty()) {
            roots.add(rootProcessInstanceId);
            byRoot.stream().map(ProcessInstance::getId).filter(id -> !id.equals(rootProcessInstanceId)).forEach(ids::add);
            return ids;
        }
        for (int i = 0; i < ids.size(); i++) {
            for (ProcessInstance child : runtime.createProcessInstanceQuery().superProcessInstanceId(ids.get(i)).list()) {
                ids.add(child.getId());
            }
        }
        return ids;
    }

    /** The one open task with this BPMN id in the family. */
    public Task task(String rootProcessInstanceId, String taskKey) {
        List<Task> found = tasks(rootProcessInstanceId, taskKey);
        if (found.size() != 1) {
            throw new IllegalStateException(found.size() + " open tasks " + taskKey + " in " + rootProcessInstanceId + ", expected 1");
        }
        return found.get(0);
    }

    public List<Task> tasks(String rootProcessInstanceId, String taskKey) {
        List<String> family = family(rootProcessInstanceId);
        List<Task> found = new ArrayList<>(tasks.createTaskQuery().processInstanceIdIn(family.toArray(String[]::new))
                .taskDefinitionKey(taskKey).list());
        found.sort(java.util.Comparator.comparingInt(t -> family.indexOf(t.getProcessInstanceId())));
        return found;
    }

    public Task taskOf(String rootProcessInstanceId, String taskKey, String assignee) {
        return tasks(rootProcessInstanceId, taskKey).stream().filter(t -> assignee.equals(t.getAssignee())).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no open " + taskKey + " assigned to " + assignee));
    }

    public void complete(String rootProcessInstanceId, String taskKey, Map<String, Object> variables) {
        complete(task(rootProcessInstanceId, taskKey), variables, rootProcessInstanceId);
    }

    /** Completes as the task's assignee would (or, for a group task, as a member of the group). */
    public void complete(Task task, Map<String, Object> variables, String rootProcessInstanceId) {
        if (completions != null) {
            completions.complete(task, task.getAssignee(), variables);
        } else {
            tasks.complete(task.getId(), variables);
        }
        runNewAsyncJobs(rootProcessInstanceId);
    }

    /**
     * After a step: runs the family's due jobs as {@link #runAsyncJobs} does, but only if a job may have been added since
     * the family's jobs were last looked at — a transaction that committed a message job to the family (or a job of the
     * family that failed), the hint Camunda gives its job executor ({@link AsyncJobHints}). Without the hint (an engine
     * without it, an instance that is not a root) it looks every time.
     */
    public void runNewAsyncJobs(String rootProcessInstanceId) {
        if (hints != null && roots.contains(rootProcessInstanceId) && hints.quiet(rootProcessInstanceId)) {
            return;
        }
        runAsyncJobs(rootProcessInstanceId);
    }

    /**
     * Runs every due, non-timer job of the family until none is left (async continuations). Where a
     * running job executor (the live app, not the tests) has already locked a job, waits for it instead.
     */
    public void runAsyncJobs(String rootProcessInstanceId) {
        for (int round = 0; round < 600; round++) {
            // one query: by root for a root instance (every job of its family carries it), else by the family's ids
            // (processInstanceIds must stay the query's only condition before "messages": see fireTimer)
            boolean root = roots.contains(rootProcessInstanceId);
            boolean watched = hints != null && root;
            if (watched) {
                hints.watch(rootProcessInstanceId); // before the look: a job committed from now on is hinted
            }
            List<Job> due = (root
                    ? management.createJobQuery().rootProcessInstanceId(rootProcessInstanceId)
                    : management.createJobQuery().processInstanceIds(new java.util.HashSet<>(family(rootProcessInstanceId))))
                    .messages().withRetriesLeft().list();
            if (due.isEmpty()) {
                return;
            }
            int ran = 0;
            for (Job job : due) {
                if (!lockedByJobExecutor(job)) {
                    try {
                        management.executeJob(job.getId());
                        ran++;
                    } catch (org.camunda.bpm.engine.OptimisticLockingException raceWithJobExecutor) {
                        // the job executor ran it at the same moment: look again
                    } catch (RuntimeException failed) {
                        if (hints != null) {
                            hints.forget(rootProcessInstanceId); // it stays, with one retry less: the next step looks again
                        }
                        throw failed;
                    }
                }
            }
            if (ran == 0) {
                pause();
            } else if (watched && ran == due.size() && hints.quiet(rootProcessInstanceId)) {
                return; // every job seen has run and none was committed to the family since the look: a look would find none
            }
        }
        throw new IllegalStateException("async jobs of " + rootProcessInstanceId + " keep coming back");
    }

    /** A stale answer is harmless: executing a job the executor took meanwhile fails optimistically and is retried. */
    private static boolean lockedByJobExecutor(Job job) {
        return job instanceof org.camunda.bpm.engine.impl.persistence.entity.JobEntity entity && entity.getLockOwner() != null;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Fires the timer attached to or waiting at this BPMN element, as if its time had come. */
    public void fireTimer(String rootProcessInstanceId, String timerElementId) {
        Job timer = null;
        // per instance: Camunda 7.24's job query joins processInstanceIds to an activityId without "and" (invalid SQL)
        for (String id : family(rootProcessInstanceId)) {
            for (Job job : management.createJobQuery().processInstanceId(id).timers().activityId(timerElementId).list()) {
                timer = job;
            }
        }
        if (timer == null) {
            throw new NoSuchElementException("no timer job at " + timerElementId + " in " + rootProcessInstanceId);
        }
        management.executeJob(timer.getId());
        runNewAsyncJobs(rootProcessInstanceId);
    }
}
