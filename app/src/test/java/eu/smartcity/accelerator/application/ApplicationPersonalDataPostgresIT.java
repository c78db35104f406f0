package eu.smartcity.accelerator.application;

import eu.smartcity.accelerator.support.PostgresTest;

/** Issue 24 point 3 on PostgreSQL: drafts erased and expired. */
@PostgresTest
class ApplicationPersonalDataPostgresIT extends ApplicationPersonalDataTest {}
