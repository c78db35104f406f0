package eu.smartcity.accelerator.privacy;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link ErasureAfterAFullCycle} on PostgreSQL, on a database of its own ({@code <test database>_erasure}, recreated by
 * TestPostgres): the demo users it erases are the other ITs' fixtures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=${ACCELERATOR_TEST_DB_URL:jdbc:postgresql://localhost:5432/accelerator_test}_erasure",
        "spring.datasource.username=${ACCELERATOR_TEST_DB_USER:accelerator}",
        "spring.datasource.password=${ACCELERATOR_TEST_DB_PASSWORD:accelerator}",
        // idle connections given back while other classes run, as PostgresTest says why
        "spring.datasource.hikari.minimum-idle=1",
        "spring.datasource.hikari.idle-timeout=10000",
        "accelerator.test.create-database=true",
        "accelerator.demo-data.enabled=true",
        "accelerator.demo-data.cycle=true",
        "accelerator.signing.keystore=${ACCELERATOR_DATA_DIR:target}/it-signing/demo-signing.p12",
        "accelerator.signing.password=it-signing",
        "accelerator.signing.create-demo-certificate=true",
        "camunda.bpm.job-execution.enabled=false",
        "accelerator.notifications.scheduling.enabled=false"})
@ActiveProfiles("postgres")
class ErasureEndToEndPostgresIT extends ErasureAfterAFullCycle {}
