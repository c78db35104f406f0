package eu.smartcity.accelerator.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A contracting process published stage by stage, served publicly as valid OCDS 1.1.5. */
@AcceleratorTest
class OcdsPublicationTest {

    static final OcdsFacts.Party MECHELEN = new OcdsFacts.Party("city-mechelen", "City of Mechelen");
    static final OcdsFacts.Party URBANSENSE = new OcdsFacts.Party("company-urbansense", "UrbanSense NV");

    @Autowired OcdsPublisher publisher;
    @Autowired OcdsValidator validator;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    final Instant opened = Instant.parse("2026-03-01T09:00:00Z");

    String publishWholeProcess(String challengeId, List<OcdsFacts.RelatedProcess> related) {
        publisher.publishTender(new OcdsFacts.Tender(challengeId, MECHELEN, "Smart parking with open data",
                "Guide drivers to free spaces using the city's open parking data", new BigDecimal("10000"),
                opened, opened.plusSeconds(30L * 86400), "Legal entity in the programme area; TRL >= 6",
                "Fit, innovation, team, price, replicability, open data use",
                List.of(new OcdsFacts.Document("challenge", "tenderNotice", "Challenge text",
                        "http://localhost/challenges/" + challengeId + ".pdf", opened)),
                related, opened));
        publisher.publishAward(new OcdsFacts.Award(challengeId, challengeId + "-award-1", URBANSENSE,
                "Pilot: smart parking", new BigDecimal("9500"), opened.plusSeconds(60L * 86400)));
        publisher.publishContract(new OcdsFacts.Contract(challengeId, challengeId + "-contract-1", challengeId + "-award-1",
                "Pilot contract", new BigDecimal("9500"), "active", opened.plusSeconds(70L * 86400), null));
        publisher.publishImplementation(new OcdsFacts.Implementation(challengeId, challengeId + "-contract-1",
                challengeId + "-award-1",
                List.of(new OcdsFacts.Milestone("m1", "Sensors installed", "met", LocalDate.parse("2026-06-01"),
                                Instant.parse("2026-05-28T12:00:00Z")),
                        new OcdsFacts.Milestone("m2", "Open data feed live", "scheduled", LocalDate.parse("2026-08-01"), null)),
                opened.plusSeconds(90L * 86400)));
        return publisher.ocidFor(challengeId);
    }

    @Test
    void servesEveryStageAsAValidReleasePackageToAnonymousVisitors() throws Exception {
        String ocid = publishWholeProcess(UUID.randomUUID().toString(), List.of());

        HttpResponse<String> response = new PortalClient(port).get("/api/ocds/packages/" + ocid);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("public"));
        JsonNode pkg = json.readTree(response.body());
        assertThat(validator.problems(pkg)).isEmpty();
        assertThat(pkg.get("releases")).extracting(r -> r.get("tag").get(0).asText())
                .containsExactly("tender", "award", "contract", "implementation");
    }

    @Test
    void aTenderWithWhatTheCityFundsBesideThePilotIsValidAndKeepsThePilotCapAsItsValue() throws Exception {
        String challengeId = UUID.randomUUID().toString();
        publisher.publishTender(new OcdsFacts.Tender(challengeId, MECHELEN, "Smart parking with open data",
                "Guide drivers to free spaces", new BigDecimal("10000"), opened, opened.plusSeconds(30L * 86400),
                "Legal entity in the programme area", "Fit, innovation", List.of(), List.of(), opened,
                List.of(new OcdsFacts.CityFund("EQUIPMENT", "Equipment", "Parking sensors", new BigDecimal("4500.50")),
                        new OcdsFacts.CityFund("DATA_ACCESS", "Data access", "Occupancy feed", new BigDecimal("500")))));

        JsonNode pkg = json.readTree(new PortalClient(port).get("/api/ocds/packages/" + publisher.ocidFor(challengeId)).body());
        assertThat(validator.problems(pkg)).isEmpty();
        JsonNode tender = pkg.at("/releases/0/tender");
        assertThat(tender.at("/value/amount").decimalValue()).isEqualByComparingTo("10000");
        assertThat(tender.get("items")).extracting(i -> i.at("/classification/id").asText())
                .containsExactly("PILOT", "EQUIPMENT", "DATA_ACCESS");
        assertThat(tender.at("/items/1/unit/value/amount").decimalValue()).isEqualByComparingTo("4500.50");
        assertThat(tender.at("/items/1/unit/value/currency").asText()).isEqualTo("EUR");
        // and the check would catch a broken item: an amount that is not a number
        ((com.fasterxml.jackson.databind.node.ObjectNode) tender.at("/items/1/unit/value")).put("amount", "4500 EUR");
        assertThat(validator.problems(pkg)).isNotEmpty();
    }

    @Test
    void compilesTheRecordByMergingReleasesInDateOrder() throws Exception {
        String ocid = publishWholeProcess(UUID.randomUUID().toString(), List.of());

        JsonNode compiled = json.readTree(new PortalClient(port).get("/api/ocds/records/" + ocid).body())
                .get("records").get(0).get("compiledRelease");
        assertThat(compiled.get("tag").get(0).asText()).isEqualTo("compiled");
        assertThat(compiled.at("/tender/status").asText()).isEqualTo("complete");
        assertThat(compiled.at("/tender/title").asText()).isEqualTo("Smart parking with open data");
        assertThat(compiled.get("parties")).extracting(p -> p.get("id").asText())
                .containsExactly("city-mechelen", "company-urbansense");
        // contract and implementation releases describe the same contract id: merged, not duplicated
        assertThat(compiled.get("contracts")).hasSize(1);
        assertThat(compiled.at("/contracts/0/status").asText()).isEqualTo("active");
        assertThat(compiled.at("/contracts/0/implementation/milestones")).hasSize(2);
    }

    @Test
    void linksAReplicationToItsOriginalAsPrior() throws Exception {
        String original = publishWholeProcess(UUID.randomUUID().toString(), List.of());
        String replication = publishWholeProcess(UUID.randomUUID().toString(),
                List.of(new OcdsFacts.RelatedProcess("prior", original, "Original pilot in Mechelen")));

        JsonNode tender = json.readTree(new PortalClient(port).get("/api/ocds/packages/" + replication).body())
                .get("releases").get(0);
        assertThat(tender.at("/relatedProcesses/0/relationship/0").asText()).isEqualTo("prior");
        assertThat(tender.at("/relatedProcesses/0/scheme").asText()).isEqualTo("ocid");
        assertThat(tender.at("/relatedProcesses/0/identifier").asText()).isEqualTo(original);
    }

    @Test
    void feedPagesReleasesSinceADate() throws Exception {
        publishWholeProcess(UUID.randomUUID().toString(), List.of());
        PortalClient client = new PortalClient(port);

        HttpResponse<String> firstPage = client.get("/api/ocds/releases?since=2026-03-01T00:00:00Z&page=0&size=2");
        assertThat(firstPage.statusCode()).isEqualTo(200);
        assertThat(json.readTree(firstPage.body()).get("releases")).hasSize(2);
        assertThat(firstPage.headers().firstValue("Link")).hasValueSatisfying(l -> assertThat(l).contains("page=1").contains("rel=\"next\""));

        assertThat(client.get("/api/ocds/releases?since=2100-01-01T00:00:00Z").statusCode()).isEqualTo(204);
        HttpResponse<String> bulk = client.get("/api/ocds/bulk");
        assertThat(bulk.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
        assertThat(validator.problems(json.readTree(bulk.body()))).isEmpty();
    }

    @Test
    void badRequestsGetProblemDetails() throws Exception {
        PortalClient client = new PortalClient(port);
        HttpResponse<String> badDate = client.get("/api/ocds/releases?since=yesterday");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c).contains("application/problem+json"));
        assertThat(json.readTree(badDate.body()).get("detail").asText()).contains("ISO-8601");

        assertThat(client.get("/api/ocds/releases?size=100000").statusCode()).isEqualTo(400);
        assertThat(client.get("/api/ocds/packages/ocds-sca001-unknown").statusCode()).isEqualTo(404);
    }

    @Test
    void anInvalidReleaseIsRefusedAndNothingIsStored() {
        String challengeId = UUID.randomUUID().toString();
        Integer before = jdbc.queryForObject("select count(*) from ocds_release", Integer.class);

        assertThatThrownBy(() -> publisher.publishContract(new OcdsFacts.Contract(challengeId, "c1", "a1", "Pilot contract",
                new BigDecimal("9500"), "signed", Instant.now(), null)))
                .isInstanceOf(InvalidOcdsException.class)
                .hasMessageContaining("/releases/0/contracts/0/status");

        assertThat(jdbc.queryForObject("select count(*) from ocds_release", Integer.class)).isEqualTo(before);
        assertThat(new PortalClient(port).get("/api/ocds/packages/" + publisher.ocidFor(challengeId)).statusCode()).isEqualTo(404);
    }
}
