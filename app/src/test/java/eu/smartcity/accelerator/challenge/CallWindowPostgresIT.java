package eu.smartcity.accelerator.challenge;

import eu.smartcity.accelerator.support.PostgresTest;

/**
 * The call window paths again on PostgreSQL: stored dates (timestamp with time zone, to the second) come back equal
 * to the timers' due dates, the window changes and the mails' outbox on the real database.
 */
@PostgresTest
class CallWindowPostgresIT extends CallWindowTest {}
