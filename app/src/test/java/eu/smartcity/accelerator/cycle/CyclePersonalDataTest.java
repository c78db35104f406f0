package eu.smartcity.accelerator.cycle;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The cycle module's part of a person: the bylaws versions they drafted, kept with a pseudonym on erasure. */
@AcceleratorTest
class CyclePersonalDataTest {

    @Autowired List<PersonalDataHolder> holders;
    @Autowired BylawsVersions versions;
    @Autowired JdbcTemplate jdbc;

    PersonalDataHolder holder;
    DataSubject coordinator;
    String version;

    @BeforeEach
    void aDraftByTheCoordinator() {
        holder = holders.stream().filter(h -> h.section().equals("cycles")).findFirst().orElseThrow();
        coordinator = PersonalDataFixture.person();
        version = "draft-" + coordinator.userId().substring(3); // not the user id itself: the version is no personal data
        versions.draftFrom("scifi-2024", version, coordinator.userId());
    }

    /** Drafts would show in every other test's list of versions. */
    @AfterEach
    void removeTheDraft() {
        jdbc.update("delete from bylaws_version where version = ?", version);
    }

    @Test
    @SuppressWarnings("unchecked")
    void exportsTheVersionsTheyWrote() {
        List<Map<String, Object>> drafted = (List<Map<String, Object>>) holder.export(coordinator).get("bylawsVersions");

        assertThat(drafted).singleElement().satisfies(v -> assertThat(v).containsEntry("version", version)
                .containsEntry("created_by", coordinator.userId()).containsEntry("status", "DRAFT"));
    }

    @Test
    void erasureKeepsTheVersionUnderThePseudonym() {
        assertThat(holder.erase(coordinator)).containsEntry("bylaws_version", 1);

        assertThat(PersonalDataScan.find(jdbc, coordinator, "bylaws_version", "cycle")).as("traces of the erased person").isEmpty();
        assertThat(versions.find(version)).get().extracting(BylawsVersions.VersionView::createdBy).isEqualTo(coordinator.pseudonym());
        assertThat(holder.erase(coordinator)).containsEntry("bylaws_version", 0);
        assertThat(holder.export(coordinator)).isEmpty();
    }

    @Test
    void afterTenYearsWhoWroteItIsForgotten() {
        jdbc.update("update bylaws_version set created_at = ? where version = ?",
                Timestamp.from(Instant.now().minus(3660, ChronoUnit.DAYS)), version);

        assertThat(holder.expire(PersonalDataFixture.periods(), Instant.now()).get("bylaws_version")).isPositive();
        assertThat(versions.find(version)).get().extracting(BylawsVersions.VersionView::createdBy).isEqualTo("expired");
    }
}
