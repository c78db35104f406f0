package eu.smartcity.accelerator.application.internal;

import eu.smartcity.accelerator.support.PostgresTest;

/**
 * The status history on PostgreSQL, where the second of two changes at once waits for the first's row lock and its
 * primary key, and the migration that counts the earlier changes (V200) ran on real rows' types.
 */
@PostgresTest
class StatusHistoryPostgresIT extends StatusHistoryTest {}
