package eu.smartcity.accelerator.notification;

import eu.smartcity.accelerator.support.PostgresTest;

/** Issue 24 point 3 on PostgreSQL: mentions replaced in mails (REPLACE and LIKE escapes) and expiry. */
@PostgresTest
class NotificationPersonalDataPostgresIT extends NotificationPersonalDataTest {}
