package eu.smartcity.accelerator.attachments;

import eu.smartcity.accelerator.support.PostgresTest;

/** Issue 24 point 3 on PostgreSQL: uploads exported as files (bytea) and uploaders pseudonymised. */
@PostgresTest
class AttachmentPersonalDataPostgresIT extends AttachmentPersonalDataTest {}
