package eu.smartcity.accelerator.identity;

import eu.smartcity.accelerator.support.PostgresTest;

/** Issue 24 point 3 on PostgreSQL: the account holder's SQL (sessions, throttles, invitations' expiry). */
@PostgresTest
class IdentityPersonalDataPostgresIT extends IdentityPersonalDataTest {}
