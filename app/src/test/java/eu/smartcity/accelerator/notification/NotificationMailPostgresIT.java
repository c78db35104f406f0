package eu.smartcity.accelerator.notification;

import eu.smartcity.accelerator.support.PostgresTest;

/**
 * The same notification paths on PostgreSQL, where concurrent senders really contend for a row: the
 * conditional claim update lets exactly one of them send (as two app nodes on one database would).
 */
@PostgresTest
class NotificationMailPostgresIT extends NotificationMailTest {}
