package eu.smartcity.accelerator.privacy;

import org.springframework.boot.test.context.SpringBootTest;

/** {@link ErasureAfterAFullCycle} on H2: an in-memory database of its own, the demo cycle made at start-up. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:erasure-end-to-end;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
        "camunda.bpm.job-execution.enabled=false",
        "accelerator.notifications.scheduling.enabled=false"})
class ErasureEndToEndTest extends ErasureAfterAFullCycle {}
