package eu.smartcity.accelerator.scoring;

import eu.smartcity.accelerator.support.PostgresTest;

/** The same cases on PostgreSQL (who sees the decision records): Flowable in schema {@code flowable}, our records in {@code public}. */
@PostgresTest
class DecisionExplanationsPostgresIT extends DecisionExplanationsTest {}
