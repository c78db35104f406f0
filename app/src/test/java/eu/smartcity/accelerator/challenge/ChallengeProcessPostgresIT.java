package eu.smartcity.accelerator.challenge;

import eu.smartcity.accelerator.support.PostgresTest;

/** Every challenge path again, on PostgreSQL (both engines, our tables and the OCDS releases). */
@PostgresTest
class ChallengeProcessPostgresIT extends ChallengeProcessTest {}
