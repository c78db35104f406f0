package eu.smartcity.accelerator.workflow;

import eu.smartcity.accelerator.support.PostgresTest;

/** The same smoke paths, on PostgreSQL: Flowable in schema {@code flowable}, Camunda and ours in {@code public}. */
@PostgresTest
class SmokeDecisionProcessPostgresIT extends SmokeDecisionProcessTest {}
