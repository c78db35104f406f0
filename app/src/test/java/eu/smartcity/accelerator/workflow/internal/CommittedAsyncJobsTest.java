package eu.smartcity.accelerator.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.workflow.AsyncJobHints;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.JobManager;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** A committed message job of a family ends its quiet; a timer, a rolled-back job or another family's job does not. */
@AcceleratorTest
class CommittedAsyncJobsTest {

    @Autowired ProcessEngine engine;
    @Autowired ProcessEngineConfigurationImpl configuration;
    @Autowired TransactionTemplate transactions;

    @Test
    void theEngineUsesTheManagerThatHints() {
        Command<JobManager> manager = context -> context.getJobManager();
        assertThat(configuration.getCommandExecutorTxRequired().execute(manager)).isInstanceOf(CommittedAsyncJobs.Manager.class);
        assertThat(AsyncJobHints.of(engine)).isNotNull();
    }

    @Test
    void aStepThatCommitsAnAsyncJobOfTheFamilyIsHintedAndTheDriverRunsIt() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        engine.getRepositoryService().createDeployment().name("hints-" + suffix)
                .addModelInstance("child-" + suffix + ".bpmn", Bpmn.createExecutableProcess("child-" + suffix).camundaHistoryTimeToLive(1)
                        .startEvent().userTask("C").serviceTask("after-c").camundaAsyncBefore().camundaExpression("${true}")
                        .userTask("D").endEvent().done())
                .addModelInstance("parent-" + suffix + ".bpmn", Bpmn.createExecutableProcess("parent-" + suffix).camundaHistoryTimeToLive(1)
                        .startEvent().userTask("A").callActivity().calledElement("child-" + suffix).userTask("B")
                        .boundaryEvent().timerWithDuration("P1D").endEvent().moveToActivity("B").endEvent().done())
                .deploy();
        AsyncJobHints hints = AsyncJobHints.of(engine);
        ProcessDriver driver = new ProcessDriver(engine);
        String root = engine.getRuntimeService().startProcessInstanceByKey("parent-" + suffix).getId();
        String other = engine.getRuntimeService().startProcessInstanceByKey("parent-" + suffix).getId();
        driver.family(root); // known as a root

        hints.watch(root);
        hints.watch(other);
        driver.complete(root, "A", Map.of()); // the child waits at C: no job
        assertThat(hints.quiet(root)).isTrue();

        transactions.executeWithoutResult(status -> {
            engine.getTaskService().complete(driver.task(root, "C").getId()); // the child's async continuation, rolled back
            status.setRollbackOnly();
        });
        assertThat(hints.quiet(root)).as("a job that was never committed").isTrue();

        engine.getTaskService().complete(driver.task(root, "C").getId());
        assertThat(hints.quiet(root)).as("the child's job carries its root").isFalse();
        assertThat(hints.quiet(other)).as("another family").isTrue();
        assertThat(engine.getManagementService().createJobQuery().rootProcessInstanceId(root).messages().count()).isOne();

        driver.runNewAsyncJobs(root); // runs it and watches again
        assertThat(engine.getManagementService().createJobQuery().rootProcessInstanceId(root).messages().count()).isZero();
        assertThat(hints.quiet(root)).isTrue();
        driver.complete(root, "D", Map.of()); // back in the parent at B, with a timer: not an async continuation
        assertThat(hints.quiet(root)).isTrue();
        assertThat(engine.getManagementService().createJobQuery().rootProcessInstanceId(root).timers().count()).isOne();
        assertThat(driver.task(root, "B")).isNotNull();
    }
}
