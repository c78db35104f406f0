package eu.smartcity.accelerator.selection;

import eu.smartcity.accelerator.support.PostgresTest;

/** Seats and replacements drawn from the cycle's jury pool again, on PostgreSQL (the jury_pool_member table). */
@PostgresTest
class JuryPoolPostgresIT extends JuryPoolTest {}
