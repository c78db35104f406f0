package eu.smartcity.accelerator.workflow;

import eu.smartcity.accelerator.workflow.internal.CommittedAsyncJobs;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Whether a process family (a root instance and the instances it called) may have a new asynchronous continuation:
 * the hint Camunda's job executor gets when a transaction commits a job, for whoever runs the jobs without it (the
 * process driver of the tests, the demo cycle and the benchmark). A root is watched from the moment one looks at its
 * jobs; it stays quiet until a transaction that added a message job to its family commits.
 */
public interface AsyncJobHints {

    /** From now on, a committed message job of this root's family makes it no longer quiet. Call before looking at its jobs. */
    void watch(String rootProcessInstanceId);

    /** Watched, and no message job of the family committed since: its jobs are as last seen. */
    boolean quiet(String rootProcessInstanceId);

    /** No longer quiet (e.g. a job of the family failed and may be retried). */
    void forget(String rootProcessInstanceId);

    /** This engine's hints, or null when it was built without them (then look every time). */
    static AsyncJobHints of(ProcessEngine engine) {
        return CommittedAsyncJobs.of(engine);
    }
}
