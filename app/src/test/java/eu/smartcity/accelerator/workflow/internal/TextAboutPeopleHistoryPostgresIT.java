package eu.smartcity.accelerator.workflow.internal;

import eu.smartcity.accelerator.support.PostgresTest;

/** Free text about people kept out of history, and the one-time removal's SQL, on PostgreSQL. */
@PostgresTest
class TextAboutPeopleHistoryPostgresIT extends TextAboutPeopleHistoryTest {}
