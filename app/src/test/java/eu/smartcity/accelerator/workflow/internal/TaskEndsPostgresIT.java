package eu.smartcity.accelerator.workflow.internal;

import eu.smartcity.accelerator.support.PostgresTest;

/** What an ending task leaves behind, asked in one statement (its SQL), on PostgreSQL. */
@PostgresTest
class TaskEndsPostgresIT extends TaskEndsTest {}
