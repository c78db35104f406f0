package eu.smartcity.accelerator.selection;

import eu.smartcity.accelerator.support.PostgresTest;

/** Issue 24 point 3 on PostgreSQL: the report pseudonymised (the expiry's UNION and HAVING). */
@PostgresTest
class SelectionPersonalDataPostgresIT extends SelectionPersonalDataTest {}
