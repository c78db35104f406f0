package eu.smartcity.accelerator.scoring;

import eu.smartcity.accelerator.support.PostgresTest;

/** The same cases on PostgreSQL (eligibility): Flowable in schema {@code flowable}, our records in {@code public}. */
@PostgresTest
class EligibilityDecisionPostgresIT extends EligibilityDecisionTest {}
