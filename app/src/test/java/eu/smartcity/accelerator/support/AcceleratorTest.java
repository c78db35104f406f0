package eu.smartcity.accelerator.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on its default profile (H2 file database under target/, demo users),
 * on a random port, with the job executor off. Every test that uses this shares one cached Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Tests drive timers and async continuations themselves (execute the job), never by sleeping.
        "camunda.bpm.job-execution.enabled=false",
        // process coverage instruments the engine: processes may only run inside test methods (DemoCycleTest covers the demo)
        "accelerator.demo-data.cycle=false",
        // tests send notifications themselves (NotificationDispatcher.sendDue), never from a background poller
        "accelerator.notifications.scheduling.enabled=false",
        // tests run the retention with their own clock (RetentionJob.run), never at the cron's 02:30
        "accelerator.retention.scheduling.enabled=false",
        // a submission that finds no turn is told so after a second, not fifteen (SubmissionAdmissionPageTest)
        "accelerator.submissions.max-wait=1s"})
@Import(ProcessCoverageTestConfiguration.class)
public @interface AcceleratorTest {}
