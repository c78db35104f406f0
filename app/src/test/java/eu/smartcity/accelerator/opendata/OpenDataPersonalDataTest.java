package eu.smartcity.accelerator.opendata;

import static eu.smartcity.accelerator.support.PersonalDataFixture.lastName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.smartcity.accelerator.opendata.internal.OcdsPackages;
import eu.smartcity.accelerator.shared.personaldata.DataSubject;
import eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PersonalDataFixture;
import eu.smartcity.accelerator.support.PersonalDataScan;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * OCDS releases name organisations, never persons; a person a city named in a challenge's text is removed from the
 * published release on erasure, which stays valid OCDS 1.1.5 with its parties and amounts.
 */
@AcceleratorTest
class OpenDataPersonalDataTest {

    static final OcdsFacts.Party CITY = new OcdsFacts.Party("city-pd", "City of Personal Data");

    @Autowired List<PersonalDataHolder> holders;
    @Autowired OcdsPublisher publisher;
    @Autowired OcdsPackages packages;
    @Autowired OcdsValidator validator;
    @Autowired JdbcTemplate jdbc;

    PersonalDataHolder holder;
    DataSubject officer;
    String ocid;

    @BeforeEach
    void aTenderWhoseTextNamesTheOfficer() {
        holder = holders.stream().filter(h -> h.section().equals("open-data")).findFirst().orElseThrow();
        officer = PersonalDataFixture.person();
        String challengeId = UUID.randomUUID().toString();
        Instant opened = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        publisher.publishTender(new OcdsFacts.Tender(challengeId, CITY, "Quiet streets",
                "Measure night noise. Questions to " + lastName(officer) + " (" + officer.email() + ").", new BigDecimal("10000"),
                opened, opened.plusSeconds(30L * 86400), "Legal entity in the programme area", "Fit, innovation", List.of(),
                List.of(), opened));
        ocid = publisher.ocidFor(challengeId);
    }

    @Test
    @SuppressWarnings("unchecked")
    void exportsTheReleasesNamingThem() {
        List<Map<String, Object>> releases = (List<Map<String, Object>>) holder.export(officer).get("releasesNamingYou");

        assertThat(releases).singleElement().satisfies(r -> assertThat(r).containsEntry("ocid", ocid));
        assertThat(holder.export(PersonalDataFixture.person())).isEmpty();
    }

    @Test
    void erasureRemovesThePersonAndKeepsTheReleaseValid() {
        assertThat(holder.erase(officer)).containsEntry("ocds_release", 1);

        assertThat(PersonalDataScan.find(jdbc, officer, "ocds_release")).as("traces of the erased person").isEmpty();
        JsonNode pkg = packages.releasePackage(ocid).orElseThrow();
        assertThat(validator.problems(pkg)).isEmpty();
        JsonNode release = pkg.get("releases").get(0);
        assertThat(release.at("/tender/description").asText()).isEqualTo("Measure night noise. Questions to " + officer.pseudonym() + " (" + officer.pseudonym() + ").");
        assertThat(release.at("/parties/0/id").asText()).isEqualTo("city-pd");
        assertThat(release.at("/parties/0/name").asText()).isEqualTo("City of Personal Data");
        assertThat(release.at("/tender/value/amount").decimalValue()).isEqualByComparingTo("10000");
        assertThat(holder.erase(officer)).as("idempotent").containsEntry("ocds_release", 0);
        assertThat(holder.expire(PersonalDataFixture.periods(), Instant.now())).as("no person left to expire").isEmpty();
    }
}
