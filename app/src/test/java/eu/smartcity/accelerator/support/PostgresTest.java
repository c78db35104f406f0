package eu.smartcity.accelerator.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on the {@code postgres} profile against a real PostgreSQL (database
 * {@code accelerator_test} or {@code ACCELERATOR_TEST_DB_URL}'s, recreated once per run by {@link TestPostgres}).
 * Used by the *IT classes that failsafe runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=${ACCELERATOR_TEST_DB_URL:jdbc:postgresql://localhost:5432/accelerator_test}",
        "spring.datasource.username=${ACCELERATOR_TEST_DB_USER:accelerator}",
        "spring.datasource.password=${ACCELERATOR_TEST_DB_PASSWORD:accelerator}",
        // Spring keeps every test context it made alive (one per distinct configuration), and each held its whole pool
        // of 15 connections open: the PostgreSQL ITs peaked at 96 of the server's 100. A context not in use now gives
        // its idle connections back after 10 s (idle-timeout in milliseconds; Hikari checks every 30 s).
        "spring.datasource.hikari.minimum-idle=1",
        "spring.datasource.hikari.idle-timeout=10000",
        TestPostgres.ENABLED + "=true",
        "accelerator.demo-data.enabled=true",
        // the postgres profile signs only with a configured keystore: a demo one made at test time under target/
        "accelerator.signing.keystore=${ACCELERATOR_DATA_DIR:target}/it-signing/demo-signing.p12",
        "accelerator.signing.password=it-signing",
        "accelerator.signing.create-demo-certificate=true",
        "camunda.bpm.job-execution.enabled=false",
        // process coverage instruments the engine: processes may only run inside test methods (DemoCycleTest covers the demo)
        "accelerator.demo-data.cycle=false",
        // tests send notifications themselves (NotificationDispatcher.sendDue), never from a background poller
        "accelerator.notifications.scheduling.enabled=false",
        // tests run the retention with their own clock (RetentionJob.run), never at the cron's 02:30
        "accelerator.retention.scheduling.enabled=false"})
@ActiveProfiles("postgres")
@Import(ProcessCoverageTestConfiguration.class)
public @interface PostgresTest {}
