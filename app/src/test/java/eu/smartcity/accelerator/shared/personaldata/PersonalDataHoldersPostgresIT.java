package eu.smartcity.accelerator.shared.personaldata;

import static eu.smartcity.accelerator.support.PersonalDataFixture.lastName;
import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.contract.ContractDocuments;
import eu.smartcity.accelerator.support.ContractCase;
import eu.smartcity.accelerator.support.PersonalDataFixture;
import eu.smartcity.accelerator.support.PersonalDataScan;
import eu.smartcity.accelerator.support.PostgresTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The programme side's holders on PostgreSQL: column names come back in lower case, binary columns as bytea, and
 * the contract's expiry counts from its last decision with a correlated subquery; a declined contract is exported,
 * erased (nowhere afterwards, twice without change) and expired there as on H2.
 */
@PostgresTest
class PersonalDataHoldersPostgresIT {

    static final List<String> SECTIONS = List.of("challenges", "cycles", "contracts", "pilots", "marketplace", "open-data");

    @Autowired List<PersonalDataHolder> holders;
    @Autowired ContractDocuments documents;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationContext context;

    @Test
    void aDeclinedContractsOfficerIsExportedErasedAndExpired() throws Exception {
        DataSubject officer = PersonalDataFixture.person();
        ContractCase c = ContractCase.of(context, "city-pd", "company-pd");
        UUID contractId = UUID.randomUUID();
        jdbc.update("insert into contract (id, challenge_id, application_id, city_group, company_group, status, negotiation_rounds) "
                + "values (?, ?, ?, ?, ?, 'NEGOTIATING', 1)", contractId, c.challengeId(), c.applicationId(), c.cityGroup(), c.companyGroup());
        documents.freeze(contractId);
        documents.recordDecision(contractId, "CITY", false, officer.userId(), "2001:db8::7", "Budget withdrawn by " + lastName(officer));
        jdbc.update("update contract set declined_by = ?, decline_reason = ? where id = ?", officer.userId(),
                "Budget withdrawn by " + lastName(officer), contractId);
        List<PersonalDataHolder> ours = holders.stream().filter(h -> SECTIONS.contains(h.section())).toList();
        assertThat(ours).hasSize(SECTIONS.size());

        PersonalDataHolder contracts = ours.stream().filter(h -> h.section().equals("contracts")).findFirst().orElseThrow();
        assertThat(contracts.export(officer)).containsKeys("contracts", "decisions");
        try (var in = contracts.files(officer).get(0).content().getInputStream()) {
            assertThat(in.readAllBytes()).startsWith("%PDF".getBytes());
        }

        for (PersonalDataHolder holder : ours) {
            holder.erase(officer);
        }
        for (PersonalDataHolder holder : ours) {
            assertThat(holder.erase(officer).values()).as(holder.section() + " is idempotent").containsOnly(0);
            assertThat(holder.export(officer)).as(holder.section()).isEmpty();
        }
        assertThat(PersonalDataScan.find(jdbc, officer, "contract", "contract_acceptance", "call_window_change", "challenge_remark", "challenge",
                "bylaws_version", "pilot_report", "pilot", "market_review", "market_join_request", "market_framework",
                "market_replication", "market_document", "ocds_release")).as("traces of the erased person").isEmpty();
        assertThat(jdbc.queryForMap("select declined_by, decline_reason from contract where id = ?", contractId))
                .containsEntry("declined_by", officer.pseudonym()).containsEntry("decline_reason", "Budget withdrawn by " + officer.pseudonym());

        jdbc.update("update contract_acceptance set decided_at = ? where contract_id = ?",
                Timestamp.from(Instant.now().minus(3660, ChronoUnit.DAYS)), contractId);
        Map<String, Integer> expired = contracts.expire(PersonalDataFixture.periods(), Instant.now());
        assertThat(expired.get("contract")).isPositive();
        assertThat(jdbc.queryForObject("select declined_by from contract where id = ?", String.class, contractId)).isEqualTo("expired");
        for (PersonalDataHolder holder : ours) {
            holder.expire(PersonalDataFixture.periods(), Instant.now()); // every holder's SQL runs on PostgreSQL
        }
    }
}
