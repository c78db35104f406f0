package eu.smartcity.accelerator.challenge;

import eu.smartcity.accelerator.support.PostgresTest;

/** The extras' storage on PostgreSQL: NUMERIC(12,2) there, where H2 maps numbers its own way. */
@PostgresTest
class ChallengeExtrasPostgresIT extends ChallengeExtrasStorageTest {}
