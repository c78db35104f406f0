package eu.smartcity.accelerator.workflow.internal;

import eu.smartcity.accelerator.support.PostgresTest;

/** The history each process keeps, and the ends written in one statement (their SQL), on PostgreSQL. */
@PostgresTest
class AuditTrailHistoryPostgresIT extends AuditTrailHistoryTest {}
