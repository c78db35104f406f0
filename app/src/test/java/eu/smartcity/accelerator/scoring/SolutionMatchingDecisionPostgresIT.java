package eu.smartcity.accelerator.scoring;

import eu.smartcity.accelerator.support.PostgresTest;

/** The same cases on PostgreSQL (solution matching and Camunda deploying no tables): Flowable in schema {@code flowable}, our records in {@code public}. */
@PostgresTest
class SolutionMatchingDecisionPostgresIT extends SolutionMatchingDecisionTest {}
