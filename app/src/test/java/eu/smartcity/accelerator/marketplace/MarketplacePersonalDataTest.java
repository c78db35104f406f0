package eu.smartcity.accelerator.marketplace;

import static eu.smartcity.accelerator.support.PersonalDataFixture.lastName;
import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.shared.personaldata.DataSubject;
import eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PersonalDataFixture;
import eu.smartcity.accelerator.support.PersonalDataScan;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The marketplace's part of a person: a city officer reviewed an implementation, registered a framework, asked to
 * join one and to replicate a pilot (declined by a supplier naming them), and a shared document names them. Erasure
 * keeps every record for its city under the pseudonym; a review's author goes after ninety days.
 */
@AcceleratorTest
class MarketplacePersonalDataTest {

    @Autowired List<PersonalDataHolder> holders;
    @Autowired JdbcTemplate jdbc;

    PersonalDataHolder holder;
    DataSubject officer;
    final UUID solution = UUID.randomUUID();
    final UUID implementation = UUID.randomUUID();
    final UUID framework = UUID.randomUUID();
    final UUID document = UUID.randomUUID();

    @BeforeEach
    void anOfficersMarketplaceRecords() {
        holder = holders.stream().filter(h -> h.section().equals("marketplace")).findFirst().orElseThrow();
        officer = PersonalDataFixture.person();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into market_solution (id, supplier_group, name, domain, description, trl, price_model, indicative_cost, "
                + "min_population, needs_city_data, procurement_route, search_text, created_at) values (?, 'company-pd', 'Quiet', "
                + "'other', 'x', 5, 'licence', 1, 0, false, 'any', 'quiet', ?)", solution, now);
        jdbc.update("insert into market_implementation (id, solution_id, city_group, source, created_at) values (?, ?, 'city-pd', "
                + "'CITY', ?)", implementation, solution, now);
        jdbc.update("insert into market_review (id, implementation_id, city_group, author, rating, comment_text, created_at) "
                + "values (?, ?, 'city-pd', ?, 4, 'Worked well for us.', ?)", UUID.randomUUID(), implementation, officer.userId(), now);
        jdbc.update("insert into market_framework (id, title, authority_group, domain, valid_from, valid_until, open_to_all, "
                + "registered_by, created_at) values (?, 'Sensors 2026', 'city-pd', 'other', current_date, current_date, true, ?, ?)",
                framework, officer.userId(), now);
        jdbc.update("insert into market_join_request (id, framework_id, city_group, requested_by, status, remarks, decided_by, "
                + "requested_at) values (?, ?, 'city-other', ?, 'APPROVED', ?, ?, ?)", UUID.randomUUID(), framework, "other-officer",
                "Agreed with " + lastName(officer), officer.userId(), now);
        jdbc.update("insert into market_replication (id, implementation_id, city_group, requested_by, process_instance_id, "
                + "requested_at, supplier_decline_reason) values (?, ?, 'city-pd', ?, ?, ?, ?)", UUID.randomUUID(), implementation,
                officer.userId(), "pi-" + UUID.randomUUID(), now, "No capacity; told " + officer.email());
        String body = "Framework terms. Questions: " + lastName(officer) + " at the city.";
        jdbc.update("insert into market_document (id, title, kind, domain, city_group, body, search_text, created_at) values "
                + "(?, 'Terms', 'TEMPLATE', 'other', 'city-pd', ?, ?, ?)", document, body, body.toLowerCase(), now);
    }

    /** Other tests count the catalogue. */
    @AfterEach
    void removeTheRecords() {
        jdbc.update("delete from market_document where id = ?", document);
        jdbc.update("delete from market_replication where implementation_id = ?", implementation);
        jdbc.update("delete from market_join_request where framework_id = ?", framework);
        jdbc.update("delete from market_framework where id = ?", framework);
        jdbc.update("delete from market_review where implementation_id = ?", implementation);
        jdbc.update("delete from market_implementation where id = ?", implementation);
        jdbc.update("delete from market_solution where id = ?", solution);
    }

    @Test
    @SuppressWarnings("unchecked")
    void exportsTheirReviewsRequestsFrameworksAndDocumentsNamingThem() {
        Map<String, Object> export = holder.export(officer);

        assertThat(export).containsOnlyKeys("reviews", "frameworkJoinRequests", "frameworksRegistered", "replicationRequests",
                "sharedDocumentsNamingYou");
        assertThat((List<Map<String, Object>>) export.get("reviews")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("comment_text", "Worked well for us.").containsEntry("rating", 4));
        assertThat((List<Map<String, Object>>) export.get("frameworkJoinRequests")).singleElement()
                .satisfies(j -> assertThat(j).containsEntry("decided_by", officer.userId()).doesNotContainKey("requested_by"));
        assertThat((List<Map<String, Object>>) export.get("replicationRequests")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("supplier_decline_reason", "No capacity; told " + officer.email()));
    }

    @Test
    void erasureKeepsEachRecordForItsCityWithoutThePerson() {
        Map<String, Integer> touched = holder.erase(officer);

        assertThat(touched).containsEntry("market_review", 1).containsEntry("market_join_request", 2)
                .containsEntry("market_framework", 1).containsEntry("market_replication", 2).containsEntry("market_document", 1);
        assertThat(PersonalDataScan.find(jdbc, officer, "market_review", "market_join_request", "market_framework", "market_replication",
                "market_document", "market_implementation", "market_solution")).as("traces of the erased person").isEmpty();
        assertThat(jdbc.queryForObject("select author from market_review where implementation_id = ?", String.class, implementation))
                .isEqualTo(officer.pseudonym());
        assertThat(jdbc.queryForMap("select requested_by, decided_by, remarks, city_group from market_join_request where framework_id = ?",
                framework)).containsValues("other-officer", officer.pseudonym(), "Agreed with " + officer.pseudonym(), "city-other");
        assertThat(jdbc.queryForObject("select body from market_document where id = ?", String.class, document))
                .isEqualTo("Framework terms. Questions: " + officer.pseudonym() + " at the city.");
        assertThat(holder.erase(officer).values()).as("idempotent").containsOnly(0);
    }

    @Test
    void aReviewsAuthorGoesAfterNinetyDaysTheRequestsAfterTenYears() {
        jdbc.update("update market_review set created_at = ? where implementation_id = ?",
                Timestamp.from(Instant.now().minus(91, ChronoUnit.DAYS)), implementation);

        Map<String, Integer> touched = holder.expire(PersonalDataFixture.periods(), Instant.now());

        assertThat(touched.get("market_review")).isPositive();
        assertThat(jdbc.queryForObject("select author from market_review where implementation_id = ?", String.class, implementation))
                .isEqualTo("expired");
        assertThat(jdbc.queryForObject("select registered_by from market_framework where id = ?", String.class, framework))
                .as("a framework is kept ten years").isEqualTo(officer.userId());
    }
}
