package eu.smartcity.accelerator.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smartcity.accelerator.support.PostgresTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The bylaws_version table (V112) on PostgreSQL: seeded, a long text kept whole, published for good, read back. */
@PostgresTest
class BylawsVersionsPostgresIT {

    @Autowired BylawsVersions versions;
    @Autowired Cycles cycles;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aVersionIsStoredPublishedAndReadBackOnPostgres() {
        assertThat(versions.find("scifi-2024")).get().extracting(BylawsVersions.VersionView::published).isEqualTo(true);
        assertThat(versions.published("scifi-2025")).isEqualTo(new BylawsCatalog().find("scifi-2025").orElseThrow());

        String name = "pg-" + UUID.randomUUID().toString().substring(0, 8);
        versions.draftFrom("scifi-2025", name, "coordinator");
        Map<String, String> fields = new HashMap<>(versions.fields(name));
        fields.put("caps.budgetPerPilot", "12500.50");
        fields.put("title", "Tweede cyclus — édition spéciale");
        String longText = "# Règlement\n\n" + "Article. Les villes financent l’équipement manquant.\n".repeat(2000); // ~100 000 characters
        versions.saveDraft(name, fields, longText, versions.texts(name).contractTemplateMd());
        String longDutch = "# Reglement\n\n" + "Artikel. De steden financieren de ontbrekende uitrusting.\n".repeat(1800);
        versions.saveDraft(name, fields, versions.texts(name).withBylawsTranslations(longDutch, ""));
        versions.publish(name, "coordinator");

        assertThat(versions.texts(name).bylawsMd()).isEqualTo(longText);
        assertThat(versions.texts(name).bylawsMdNl()).isEqualTo(longDutch);
        assertThat(versions.texts(name).bylawsMdFr()).isNull();
        assertThat(versions.texts("scifi-2025").bylawsMdFr()).as("seeded").startsWith("# Règlement");
        Bylaws readBack = BylawsLoader.load(name, new ByteArrayInputStream(versions.texts(name).rulesYaml().getBytes(StandardCharsets.UTF_8)));
        assertThat(readBack.budgetPerPilot()).isEqualByComparingTo("12500.50");
        assertThat(readBack.title()).isEqualTo("Tweede cyclus — édition spéciale");
        assertThat(versions.diff(name).rules()).extracting(BylawsVersions.Change::key).containsExactly("title", "caps.budgetPerPilot");
        assertThat(versions.find(name).orElseThrow().publishedAt()).isNotNull();
        assertThatThrownBy(() -> versions.saveDraft(name, fields, "changed", null)).isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.queryForObject("select status from bylaws_version where version = ?", String.class, name)).isEqualTo("PUBLISHED");

        Cycles.CycleView cycle = cycles.open("PostgreSQL cycle " + name, name);
        assertThat(cycles.bylawsOf(cycle.id())).isEqualTo(readBack);
    }
}
