package eu.smartcity.accelerator.workflow.internal;

import eu.smartcity.accelerator.support.PostgresTest;

/** The end-time based history cleanup and the operation log's expiry, on PostgreSQL (their SQL differs by database). */
@PostgresTest
class HistoryCleanupPostgresIT extends HistoryCleanupTest {}
