package eu.smartcity.accelerator.contract;

import static eu.smartcity.accelerator.support.PersonalDataFixture.lastName;
import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.documents.PadesSignatures;
import eu.smartcity.accelerator.shared.personaldata.DataSubject;
import eu.smartcity.accelerator.shared.personaldata.ExportedFile;
import eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.ContractCase;
import eu.smartcity.accelerator.support.PersonalDataFixture;
import eu.smartcity.accelerator.support.PersonalDataScan;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The contract module's part of a person: the company officer accepted the frozen PDF (from an address), the city
 * officer's compliance remarks and decline name them. Erasure keeps the contract, both decisions and the signed PDF
 * byte for byte, with the pseudonym in place of the user id and no address; after ten years no one is named.
 */
@AcceleratorTest
class ContractPersonalDataTest {

    @Autowired List<PersonalDataHolder> holders;
    @Autowired ContractDocuments documents;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationContext context;

    PersonalDataHolder holder;
    DataSubject officer;
    UUID contractId;

    @BeforeEach
    void aSignedContractTheOfficerAccepted() {
        holder = holders.stream().filter(h -> h.section().equals("contracts")).findFirst().orElseThrow();
        officer = PersonalDataFixture.person();
        ContractCase c = ContractCase.of(context, "city-pd", "company-pd");
        contractId = UUID.randomUUID();
        jdbc.update("insert into contract (id, challenge_id, application_id, city_group, company_group, status, negotiation_rounds, "
                + "company_accepted_by, company_accepted_at, compliance_remarks) values (?, ?, ?, ?, ?, 'NEGOTIATING', 1, ?, ?, ?)",
                contractId, c.challengeId(), c.applicationId(), c.cityGroup(), c.companyGroup(), officer.userId(),
                Timestamp.from(Instant.now()), "Compliant; " + lastName(officer) + " confirmed the insurance by phone.");
        documents.freeze(contractId);
        documents.recordDecision(contractId, "COMPANY", true, officer.userId(), "203.0.113.7", null);
        documents.recordDecision(contractId, "CITY", true, "city-officer", "198.51.100.2", null);
        documents.sign(contractId);
    }

    @Test
    @SuppressWarnings("unchecked")
    void exportsTheirDecisionsTheContractAndItsSignedPdf() throws Exception {
        Map<String, Object> export = holder.export(officer);

        assertThat((List<Map<String, Object>>) export.get("decisions")).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("party", "COMPANY").containsEntry("decision", "ACCEPTED").containsEntry("user_id", officer.userId())
                .containsEntry("remote_address", "203.0.113.7"));
        assertThat((List<Map<String, Object>>) export.get("contracts")).singleElement().satisfies(k -> assertThat(k)
                .containsEntry("company_accepted_by", officer.userId()).containsEntry("company_group", "company-pd")
                .containsKey("compliance_remarks"));
        List<ExportedFile> files = holder.files(officer);
        assertThat(files).singleElement().satisfies(f -> assertThat(f.path()).isEqualTo("contracts/" + contractId + "/contract.pdf"));
        try (var in = files.get(0).content().getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(documents.signedPdf(contractId).orElseThrow());
        }
    }

    @Test
    void erasureKeepsTheContractAndSignedPdfWithoutThePerson() {
        String signedSha = documents.page(contractId).orElseThrow().signedSha256();

        Map<String, Integer> touched = holder.erase(officer);

        assertThat(touched).containsEntry("contract", 2).containsEntry("contract_acceptance", 1).containsEntry("contract_document", 0);
        assertThat(PersonalDataScan.find(jdbc, officer, "contract", "contract_acceptance")).as("traces of the erased person").isEmpty();
        ContractDocuments.ContractPage page = documents.page(contractId).orElseThrow();
        assertThat(page.acceptances()).extracting(ContractDocuments.AcceptanceView::userId)
                .containsExactly(officer.pseudonym(), "city-officer");
        assertThat(page.acceptances().get(0).remoteAddress()).isNull();
        assertThat(page.acceptances().get(1).remoteAddress()).as("the other officer's decision is theirs").isEqualTo("198.51.100.2");
        assertThat(page.complianceRemarks()).isEqualTo("Compliant; " + officer.pseudonym() + " confirmed the insurance by phone.");
        assertThat(page.signedSha256()).as("the signed PDF is the legal record").isEqualTo(signedSha)
                .isEqualTo(PadesSignatures.sha256(documents.signedPdf(contractId).orElseThrow()));
        assertThat(documents.verify(contractId).valid()).isTrue();
        assertThat(holder.erase(officer).values()).as("idempotent").containsOnly(0);
    }

    @Test
    void afterTenYearsNoOneIsNamedInTheDecisions() {
        jdbc.update("update contract_acceptance set decided_at = ? where contract_id = ?",
                Timestamp.from(Instant.now().minus(3660, ChronoUnit.DAYS)), contractId);
        jdbc.update("update contract set company_accepted_at = ? where id = ?",
                Timestamp.from(Instant.now().minus(3660, ChronoUnit.DAYS)), contractId);

        Map<String, Integer> touched = holder.expire(PersonalDataFixture.periods(), Instant.now());

        assertThat(touched.get("contract_acceptance")).isGreaterThanOrEqualTo(4);
        ContractDocuments.ContractPage page = documents.page(contractId).orElseThrow();
        assertThat(page.acceptances()).extracting(ContractDocuments.AcceptanceView::userId).containsOnly("expired");
        assertThat(page.acceptances()).extracting(ContractDocuments.AcceptanceView::remoteAddress).containsOnlyNulls();
        assertThat(jdbc.queryForObject("select company_accepted_by from contract where id = ?", String.class, contractId))
                .isEqualTo("expired");
    }
}
