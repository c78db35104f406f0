package eu.smartcity.accelerator.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smartcity.accelerator.support.AcceleratorTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bylaws versions in the database: seeded from the bylaws/ folder, drafted from the latest published one with
 * the loader's validation, compared with their base, published for good, exported in the folder's format.
 */
@AcceleratorTest
class BylawsVersionsTest {

    @Autowired BylawsVersions versions;
    @Autowired Cycles cycles;
    @Autowired JdbcTemplate jdbc;

    static String newName() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A draft from scifi-2025 (not necessarily the latest: other tests publish versions on the shared database). */
    String draft() {
        String name = newName();
        versions.draftFrom("scifi-2025", name, "coordinator");
        return name;
    }

    @Test
    void theFolderSeedsPublishedVersionsThatReadAsTheFilesDo() {
        BylawsCatalog files = new BylawsCatalog();
        for (String version : files.all().keySet()) {
            assertThat(versions.find(version)).get().extracting(BylawsVersions.VersionView::status)
                    .isEqualTo(BylawsVersions.Status.PUBLISHED);
            assertThat(versions.published(version)).isEqualTo(files.find(version).orElseThrow());
        }
        assertThat(versions.find("scifi-2025").orElseThrow().basedOn()).isEqualTo("scifi-2024");
        assertThat(versions.texts("scifi-2025").contractTemplateMd()).startsWith("# ");
    }

    @Test
    void aDraftStartsAsACopyAndShowsNoDifferenceUntilEdited() {
        String name = draft();
        BylawsVersions.VersionView view = versions.find(name).orElseThrow();

        assertThat(view.status()).isEqualTo(BylawsVersions.Status.DRAFT);
        assertThat(view.createdBy()).isEqualTo("coordinator");
        assertThat(versions.fields(name)).containsEntry("version", name).containsEntry("caps.budgetPerPilot", "10000")
                .containsEntry("durations.callWindow", "P45D").containsEntry("programmeCountries", "BE, NL, FR");
        assertThat(versions.diff(name).empty()).isTrue();
        assertThatThrownBy(() -> cycles.open("Under a draft", name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name);
    }

    @Test
    void editingADraftShowsEachChangedFieldOldToNewAndTheTextChanges() {
        String name = draft();
        Map<String, String> fields = new HashMap<>(versions.fields(name));
        fields.put("caps.budgetPerPilot", "12000");
        fields.put("durations.callWindow", "60"); // days
        fields.put("eligibility.requireInteroperable", "false");
        String text = versions.texts(name).bylawsMd() + "\nArticle 99. Cities may fund extra equipment.\n";

        versions.saveDraft(name, fields, text, versions.texts(name).contractTemplateMd());

        BylawsVersions.Diff diff = versions.diff(name);
        assertThat(diff.basedOn()).isEqualTo("scifi-2025");
        assertThat(diff.rules()).containsExactly(
                new BylawsVersions.Change("durations.callWindow", "P45D", "P60D"),
                new BylawsVersions.Change("caps.budgetPerPilot", "10000", "12000"),
                new BylawsVersions.Change("eligibility.requireInteroperable", "true", "false"));
        assertThat(diff.bylawsText()).extracting(BylawsVersions.TextChange::text)
                .contains("Article 99. Cities may fund extra equipment.");
        assertThat(diff.bylawsText()).allMatch(BylawsVersions.TextChange::added);
        assertThat(diff.contractTemplate()).isEmpty();
    }

    @Test
    void aDraftGoesThroughTheLoadersValidationNamingTheField() {
        String name = draft();
        Map<String, String> valid = versions.fields(name);
        String text = versions.texts(name).bylawsMd();

        assertThat(refusal(name, valid, "scoringWeights.fit", "0.5", text)).isEqualTo("scoringWeights");
        assertThat(refusal(name, valid, "quotas.quorum", "9", text)).isEqualTo("quotas.quorum");
        assertThat(refusal(name, valid, "durations.juryWindow", "two weeks", text)).isEqualTo("durations.juryWindow");
        assertThat(refusal(name, valid, "quotas.pilotsPerCity", "1.5", text)).isEqualTo("quotas.pilotsPerCity");
        assertThat(refusal(name, valid, "caps.budgetPerPilot", "", text)).isEqualTo("caps.budgetPerPilot");
        assertThat(refusal(name, valid, "programmeCountries", "Belgium", text)).isEqualTo("programmeCountries");
        assertThat(refusal(name, valid, "title", "x", "  ")).isEqualTo("bylawsMd");
        assertThatThrownBy(() -> versions.saveDraft(name, valid, text, "no title line"))
                .isInstanceOfSatisfying(BylawsVersions.InvalidDraftException.class,
                        e -> assertThat(e.field()).isEqualTo("contractTemplateMd"));
        // the shipped versions have a contract template: contracts under the new version need one too
        assertThatThrownBy(() -> versions.saveDraft(name, valid, text, " "))
                .isInstanceOfSatisfying(BylawsVersions.InvalidDraftException.class,
                        e -> assertThat(e.field()).isEqualTo("contractTemplateMd"));
        assertThat(versions.diff(name).empty()).as("nothing refused was stored").isTrue();
    }

    @Test
    void theContractTemplatesTranslationsAreSeededCopiedEditedAndChecked() {
        BylawsVersions.Texts shipped = versions.texts("scifi-2025");
        assertThat(shipped.contractTemplateMdNl()).startsWith("# Pilotcontract");
        assertThat(shipped.contractTemplateMd("fr")).startsWith("# Contrat de pilote");
        String name = draft();
        BylawsVersions.Texts copied = versions.texts(name);
        assertThat(copied.contractTemplateMdNl()).isEqualTo(shipped.contractTemplateMdNl());
        assertThat(copied.contractTemplateMdFr()).isEqualTo(shipped.contractTemplateMdFr());
        Map<String, String> fields = versions.fields(name);

        // a French text that lost a clause is refused at its field; nothing is stored
        String frenchWithoutC10 = copied.contractTemplateMdFr().substring(0, copied.contractTemplateMdFr().indexOf("## C10"));
        assertThatThrownBy(() -> versions.saveDraft(name, fields, copied.bylawsMd(), copied.contractTemplateMd(),
                copied.contractTemplateMdNl(), frenchWithoutC10))
                .isInstanceOfSatisfying(BylawsVersions.InvalidDraftException.class,
                        e -> assertThat(e.field()).isEqualTo("contractTemplateMdFr"));
        assertThat(versions.texts(name).contractTemplateMdFr()).isEqualTo(shipped.contractTemplateMdFr());

        // an edited Dutch text is kept; an empty French one means "use the English text"
        String dutch = copied.contractTemplateMdNl().replace("Partijen", "De partijen");
        versions.saveDraft(name, fields, copied.bylawsMd(), copied.contractTemplateMd(), dutch, " ");
        assertThat(versions.texts(name).contractTemplateMdNl()).contains("## C1 De partijen");
        assertThat(versions.texts(name).contractTemplateMdFr()).isNull();
        // saving without naming the translations (the English-only call) keeps them
        versions.saveDraft(name, fields, copied.bylawsMd(), copied.contractTemplateMd());
        assertThat(versions.texts(name).contractTemplateMdNl()).contains("## C1 De partijen");
    }

    @Test
    void theReadableTextsTranslationsAreSeededCopiedAndEdited() throws Exception {
        for (String version : List.of("scifi-2024", "scifi-2025")) {
            BylawsVersions.Texts shipped = versions.texts(version);
            assertThat(shipped.bylawsMdNl()).as(version).startsWith("# Reglement").isEqualTo(file(version, "bylaws.nl.md"));
            assertThat(shipped.bylawsMd("fr")).as(version).startsWith("# Règlement").isEqualTo(file(version, "bylaws.fr.md"));
            assertThat(shipped.bylawsMd("en")).isEqualTo(shipped.bylawsMd());
        }
        String name = draft();
        BylawsVersions.Texts copied = versions.texts(name);
        assertThat(copied.bylawsMdNl()).isEqualTo(versions.texts("scifi-2025").bylawsMdNl());
        Map<String, String> fields = versions.fields(name);

        // every text at once: an edited Dutch text is kept, an empty French one means "readers get the English text"
        versions.saveDraft(name, fields, copied.withBylawsTranslations(copied.bylawsMdNl() + "\nArtikel 10. Nieuw.\n", " "));
        assertThat(versions.texts(name).bylawsMdNl()).endsWith("Artikel 10. Nieuw.\n");
        assertThat(versions.texts(name).bylawsMdFr()).isNull();
        assertThat(versions.texts(name).contractTemplateMdNl()).isEqualTo(copied.contractTemplateMdNl());
        // the calls that do not name them keep them
        versions.saveDraft(name, fields, copied.bylawsMd(), copied.contractTemplateMd(), copied.contractTemplateMdNl(), copied.contractTemplateMdFr());
        versions.saveDraft(name, fields, copied.bylawsMd(), copied.contractTemplateMd());
        assertThat(versions.texts(name).bylawsMdNl()).endsWith("Artikel 10. Nieuw.\n");
        versions.publish(name, "coordinator");
        assertThatThrownBy(() -> versions.saveDraft(name, fields, copied)).isInstanceOf(IllegalStateException.class);
        assertThat(versions.texts(name).bylawsMdNl()).endsWith("Artikel 10. Nieuw.\n");
    }

    private static String file(String version, String name) throws java.io.IOException {
        return java.nio.file.Files.readString(java.nio.file.Path.of("..", "bylaws", version, name));
    }

    private String refusal(String name, Map<String, String> valid, String key, String value, String text) {
        Map<String, String> fields = new HashMap<>(valid);
        fields.put(key, value);
        try {
            versions.saveDraft(name, fields, text, versions.texts(name).contractTemplateMd());
        } catch (BylawsVersions.InvalidDraftException e) {
            return e.field();
        }
        throw new AssertionError(key + "=" + value + " was accepted");
    }

    @Test
    void aPublishedVersionNeverChangesAgain() {
        String name = draft();
        Map<String, String> fields = new HashMap<>(versions.fields(name));
        fields.put("quotas.pilotsPerCity", "2");
        versions.saveDraft(name, fields, versions.texts(name).bylawsMd(), versions.texts(name).contractTemplateMd());
        BylawsVersions.VersionView published = versions.publish(name, "coordinator");
        String rules = versions.texts(name).rulesYaml();

        assertThat(published.status()).isEqualTo(BylawsVersions.Status.PUBLISHED);
        assertThat(published.publishedBy()).isEqualTo("coordinator");
        fields.put("quotas.pilotsPerCity", "3");
        assertThatThrownBy(() -> versions.saveDraft(name, fields, "changed", null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> versions.publish(name, "coordinator")).isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.queryForObject("select rules_yaml from bylaws_version where version = ?", String.class, name))
                .isEqualTo(rules);
        assertThat(versions.published(name).pilotsPerCity()).isEqualTo(2);
        assertThat(versions.latestPublished()).get().extracting(BylawsVersions.VersionView::version).isEqualTo(name);
    }

    @Test
    void aPublishedVersionExportsAsTheFilesTheLoaderReadsBack() {
        String name = draft();
        Map<String, String> fields = new HashMap<>(versions.fields(name));
        fields.put("title", "Smart City Accelerator - third cycle");
        fields.put("scoringWeights.fit", "0,3"); // a decimal comma, as Dutch and French users write it
        fields.put("scoringWeights.team", "0.05");
        fields.put("durations.callWindowMax", "P90D");
        versions.saveDraft(name, fields, "# Bylaws\n\nArticle 1.\n", versions.texts(name).contractTemplateMd());
        versions.publish(name, "coordinator");

        BylawsVersions.Texts exported = versions.texts(name);
        Bylaws readBack = BylawsLoader.load(name + "/rules.yaml",
                new ByteArrayInputStream(exported.rulesYaml().getBytes(StandardCharsets.UTF_8)));

        assertThat(readBack).isEqualTo(versions.published(name));
        assertThat(readBack.version()).isEqualTo(name);
        assertThat(readBack.scoringWeights()).containsEntry("fit", 0.3).containsEntry("team", 0.05);
        assertThat(exported.rulesYaml()).contains("callWindowMax: P90D");
        assertThat(exported.bylawsMd()).isEqualTo("# Bylaws\n\nArticle 1.\n");
    }

    @Test
    void runningCyclesKeepTheirPinnedRulesWhenANewVersionIsPublished() {
        Cycles.CycleView running = cycles.open("Running under scifi-2025 " + UUID.randomUUID(), "scifi-2025");
        String name = draft();
        Map<String, String> fields = new HashMap<>(versions.fields(name));
        fields.put("caps.budgetPerPilot", "15000");
        versions.saveDraft(name, fields, versions.texts(name).bylawsMd(), versions.texts(name).contractTemplateMd());
        versions.publish(name, "coordinator");

        Cycles.CycleView next = cycles.open("Under " + name, name);

        assertThat(cycles.bylawsOf(running.id()).budgetPerPilot()).isEqualByComparingTo("10000");
        assertThat(cycles.get(running.id()).rulesSha256()).isEqualTo(running.rulesSha256());
        assertThat(cycles.bylawsOf(next.id()).budgetPerPilot()).isEqualByComparingTo("15000");
        assertThat(cycles.all()).extracting(Cycles.CycleView::id).contains(running.id(), next.id());
        assertThat(cycles.get(running.id()).status()).isEqualTo("OPEN");
        assertThat(cycles.get(next.id()).status()).isEqualTo("OPEN");
    }

    @Test
    void aVersionNameIsNewAndPlain() {
        assertThatThrownBy(() -> versions.draftFrom("scifi-2025", "scifi-2024", "coordinator"))
                .isInstanceOfSatisfying(BylawsVersions.InvalidDraftException.class, e -> assertThat(e.field()).isEqualTo("version"));
        assertThatThrownBy(() -> versions.draftFrom("scifi-2025", "../etc", "coordinator"))
                .isInstanceOf(BylawsVersions.InvalidDraftException.class);
        String draft = draft();
        assertThatThrownBy(() -> versions.draftFrom(draft, newName(), "coordinator"))
                .as("only a published version is a base").isInstanceOf(BylawsVersions.InvalidDraftException.class);
    }
}
