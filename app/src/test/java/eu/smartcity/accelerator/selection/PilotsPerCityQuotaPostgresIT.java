package eu.smartcity.accelerator.selection;

import eu.smartcity.accelerator.support.PostgresTest;

/** The pilots-per-city quota and its recorded override again, on PostgreSQL (the quota_override table). */
@PostgresTest
class PilotsPerCityQuotaPostgresIT extends PilotsPerCityQuotaTest {}
