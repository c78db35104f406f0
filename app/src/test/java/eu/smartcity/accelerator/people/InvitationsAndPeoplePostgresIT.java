package eu.smartcity.accelerator.people;

import eu.smartcity.accelerator.support.PostgresTest;

/** Invitations (token hashes, expiry, revocation), the jury pool and deactivations again, on PostgreSQL. */
@PostgresTest
class InvitationsAndPeoplePostgresIT extends InvitationsAndPeopleTest {}
