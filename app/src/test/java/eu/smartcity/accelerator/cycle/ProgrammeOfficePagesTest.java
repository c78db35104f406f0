package eu.smartcity.accelerator.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.shared.RuleViolationException;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The programme office in the portal, through its pages and the real engine: a coordinator drafts, edits and
 * publishes a bylaws version, opens a cycle under it, a city defines a challenge in that cycle, and the
 * coordinator closes the cycle (its process writes the report).
 */
@AcceleratorTest
class ProgrammeOfficePagesTest {

    @LocalServerPort int port;
    @Autowired Cycles cycles;
    @Autowired BylawsVersions versions;
    @Autowired Challenges challenges;
    @Autowired ProcessEngine engine;

    PortalClient as(String user) {
        PortalClient client = new PortalClient(port);
        assertThat(client.login(user, "demo").headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("(no redirect) " + response.statusCode());
    }

    /** The drafting form as posted: every field of the version, with some changed. */
    String[] form(String version, Map<String, String> changed) {
        List<String> pairs = new ArrayList<>();
        Map<String, String> fields = versions.fields(version);
        for (BylawsFields.Field f : BylawsFields.ALL) {
            String value = changed.getOrDefault(f.key(), fields.getOrDefault(f.key(), ""));
            if (f.kind() == BylawsFields.Kind.FLAG && !"true".equals(value)) {
                continue; // an unticked box is not posted
            }
            pairs.add(f.id());
            pairs.add(value);
        }
        BylawsVersions.Texts texts = versions.texts(version);
        for (String translation : List.of("bylawsMdNl", "bylawsMdFr")) {
            if (changed.containsKey(translation)) {
                pairs.addAll(List.of(translation, changed.get(translation)));
            }
        }
        pairs.addAll(List.of("bylawsMd", changed.getOrDefault("bylawsMd", texts.bylawsMd()),
                "contractTemplateMd", java.util.Objects.toString(texts.contractTemplateMd(), "")));
        return pairs.toArray(String[]::new);
    }

    @Test
    void aCoordinatorDraftsEditsComparesAndPublishesAVersion() throws Exception {
        PortalClient coordinator = as("coordinator");
        String name = "portal-" + UUID.randomUUID().toString().substring(0, 8);
        // the page offers the latest published version as the base; other tests publish versions on this database,
        // so the draft is based on a shipped one whose budget cap is known
        assertThat(coordinator.get("/coordinator/bylaws").body())
                .contains("value=\"" + versions.latestPublished().orElseThrow().version() + "\"");
        HttpResponse<String> drafted = coordinator.postForm("/coordinator/bylaws", "/coordinator/bylaws",
                "basedOn", "scifi-2025", "version", name);
        assertThat(location(drafted)).endsWith("/coordinator/bylaws/" + name);
        String page = "/coordinator/bylaws/" + name;
        // the same name again is taken (said as such, not as a malformed name); a malformed one is said so
        HttpResponse<String> taken = coordinator.postForm("/coordinator/bylaws", "/coordinator/bylaws",
                "basedOn", "scifi-2025", "version", name);
        assertThat(taken.body()).contains("id=\"version-error\"").contains("A version with this name exists already");
        HttpResponse<String> malformed = coordinator.postForm("/coordinator/bylaws", "/coordinator/bylaws",
                "basedOn", "scifi-2025", "version", "Not A Name");
        assertThat(malformed.body()).contains("id=\"version-error\"").doesNotContain("A version with this name exists already");

        // weights that do not add up to 1: the form comes back with the input kept, the problem at the weights
        HttpResponse<String> refused = coordinator.postForm(page, page, form(name, Map.of("scoringWeights.fit", "0.9")));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"scoringWeights-error\"").contains("The scoring weights must add up to 1.")
                .contains("value=\"0.9\"");
        HttpResponse<String> badDuration = coordinator.postForm(page, page, form(name, Map.of("durations.juryWindow", "two weeks")));
        assertThat(badDuration.body()).contains("id=\"durations_juryWindow-error\"").contains("Enter a positive duration")
                .contains("aria-describedby=\"durations_juryWindow-error\"");
        assertThat(badDuration.body()).doesNotContain("Exception").doesNotContain("key '");

        // the draft starts with the Dutch and French texts of the version it is based on
        assertThat(versions.texts(name).bylawsMdNl()).contains("Ontvankelijkheid.");
        assertThat(versions.texts(name).bylawsMdFr()).contains("Éligibilité.");
        assertThat(coordinator.get(page).body()).contains("id=\"bylawsMdNl\"").contains("id=\"bylawsMdFr\"").contains("Ontvankelijkheid.");
        HttpResponse<String> saved = coordinator.postForm(page, page, form(name, Map.of(
                "caps.budgetPerPilot", "12000", "bylawsMd", versions.texts(name).bylawsMd() + "\nArticle 99. Extras.\n",
                "bylawsMdNl", versions.texts(name).bylawsMdNl() + "\nArtikel 99. Aanvullingen.\n", "bylawsMdFr", " ")));
        assertThat(location(saved)).contains(page);
        String shown = coordinator.get(page).body();
        assertThat(shown).contains("data-key=\"caps.budgetPerPilot\"").contains("12000").contains("Article 99. Extras.")
                .contains("Artikel 99. Aanvullingen.");
        assertThat(versions.texts(name).bylawsMdFr()).as("posted empty: no French text").isNull();
        // a form without the translations (an older page) keeps them
        coordinator.postForm(page, page, form(name, Map.of("caps.budgetPerPilot", "12000",
                "bylawsMd", versions.texts(name).bylawsMd())));
        assertThat(versions.texts(name).bylawsMdNl()).contains("Artikel 99. Aanvullingen.");

        HttpResponse<String> asked = coordinator.postForm(page, page + "/publish");
        assertThat(versions.find(name).orElseThrow().published()).as("the first click only asks").isFalse();
        assertThat(coordinator.get(location(asked).replaceFirst("^http://[^/]+", "")).body()).contains("data-confirmation");
        coordinator.postForm(page, page + "/publish", "confirmed", "true");
        assertThat(versions.find(name).orElseThrow().published()).isTrue();

        // published: immutable, downloadable in the folder's format
        assertThat(coordinator.get(page).body()).doesNotContain("Save the draft");
        assertThat(coordinator.postForm(page, page, form(name, Map.of("caps.budgetPerPilot", "1"))).statusCode()).isEqualTo(409);
        HttpResponse<String> rules = coordinator.get(page + "/rules.yaml");
        assertThat(rules.statusCode()).isEqualTo(200);
        assertThat(rules.headers().firstValue("Content-Disposition").orElse("")).contains(name + "-rules.yaml");
        assertThat(BylawsLoader.load("download", new ByteArrayInputStream(rules.body().getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(versions.published(name));
        assertThat(coordinator.get(page + "/bylaws.md").body()).isEqualTo(versions.texts(name).bylawsMd());
        assertThat(new PortalClient(port).get("/bylaws/" + name).body()).as("public once published").contains("Article 99. Extras.");
        assertThat(coordinator.get(page).body()).contains(page + "/bylaws.nl.md").doesNotContain(page + "/bylaws.fr.md");
        HttpResponse<String> dutch = coordinator.get(page + "/bylaws.nl.md");
        assertThat(dutch.headers().firstValue("Content-Disposition").orElse("")).contains(name + "-bylaws.nl.md");
        assertThat(dutch.body()).isEqualTo(versions.texts(name).bylawsMdNl());
        assertThat(coordinator.get(page + "/bylaws.fr.md").statusCode()).as("no French text").isEqualTo(404);

        // the public page and the PDF in the reader's language; no French text: the English one, said so in French
        String nl = new PortalClient(port).speaking("nl").get("/bylaws/" + name).body();
        assertThat(nl).contains("Artikel 99. Aanvullingen.").contains("Ontvankelijkheid.").doesNotContain("Article 99. Extras.")
                .doesNotContain("Dit reglement bestaat nog niet");
        String fr = new PortalClient(port).speaking("fr").get("/bylaws/" + name).body();
        assertThat(fr).contains("Article 99. Extras.").contains("pas encore en français");
        assertThat(pdfText(new PortalClient(port).speaking("nl").getBytes("/bylaws/" + name + ".pdf").body()))
                .contains("Reglement " + name).contains("Artikel 99. Aanvullingen.").doesNotContain("Article 99. Extras.");
        assertThat(pdfText(new PortalClient(port).speaking("fr").getBytes("/bylaws/" + name + ".pdf").body()))
                .contains("Règlement " + name).contains("pas encore en français").contains("Article 99. Extras.");
    }

    @Test
    void theShippedBylawsReadInDutchAndFrench() throws Exception {
        assertThat(new PortalClient(port).speaking("nl").get("/bylaws/scifi-2024").body())
                .contains("Ontvankelijkheid.").contains("EUR 25.000 per pilot").doesNotContain("Eligibility.");
        assertThat(new PortalClient(port).speaking("fr").get("/bylaws/scifi-2025").body())
                .contains("Éligibilité.").contains("10 000 EUR par projet pilote").doesNotContain("Eligibility.");
        assertThat(new PortalClient(port).get("/bylaws/scifi-2025").body()).contains("Eligibility.");
        assertThat(pdfText(new PortalClient(port).speaking("fr").getBytes("/bylaws/scifi-2024.pdf").body()))
                .contains("Éligibilité.").doesNotContain("pas encore en français");
    }

    static String pdfText(byte[] pdf) throws java.io.IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void draftsAreNeitherDownloadableNorPublic() {
        String name = "hidden-" + UUID.randomUUID().toString().substring(0, 8);
        versions.draftFrom("scifi-2025", name, "coordinator");
        assertThat(as("coordinator").get("/coordinator/bylaws/" + name + "/rules.yaml").statusCode()).isEqualTo(404);
        assertThat(new PortalClient(port).get("/bylaws/" + name).statusCode()).isEqualTo(404);
        assertThat(as("officer-delft").get("/coordinator/bylaws/" + name).statusCode()).isEqualTo(403);
    }

    @Test
    void aCoordinatorOpensACycleACityDefinesAChallengeInItAndTheCoordinatorClosesIt() {
        PortalClient coordinator = as("coordinator");
        String name = "Cycle " + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> noName = coordinator.postForm("/coordinator/cycles", "/coordinator/cycles", "name", " ", CycleProcess.BYLAWS_VERSION.name(), "scifi-2024");
        assertThat(noName.body()).contains("id=\"name-error\"");
        assertThat(coordinator.postForm("/coordinator/cycles", "/coordinator/cycles", "name", name, CycleProcess.BYLAWS_VERSION.name(), "scifi-2024")
                .statusCode()).isEqualTo(302);
        Cycles.CycleView cycle = cycles.all().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        assertThat(cycle.bylawsVersion()).isEqualTo("scifi-2024");
        assertThat(coordinator.get("/coordinator/cycles").body()).contains(name);

        // the city's form offers it, with its bylaws version, beside the other open cycles
        PortalClient delft = as("officer-delft");
        String form = delft.get("/city/challenges/new").body();
        assertThat(form).contains("value=\"" + cycle.id() + "\"").contains(name + " (bylaws scifi-2024)");
        String title = "Canal water quality " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> defined = delft.postForm("/city/challenges/new", "/city/challenges/new", CycleProcess.CYCLE_ID.name(), cycle.id().toString(),
                "title", title, "problem", "Algae bloom in summer; measure and warn with open data.", "openDatasets", "Water sensors (API)",
                "budgetCap", "20000", "kpis", "Warnings within 1 hour", "languages", "nl", "minTrl", "5");
        assertThat(location(defined)).endsWith("/city/challenges");
        assertThat(challenges.ofCycle(cycle.id())).extracting(Challenges.ChallengeView::title).containsExactly(title);

        // closing: the first click asks; the second completes the process's close step
        coordinator.postForm("/coordinator/cycles", "/coordinator/cycles/" + cycle.id() + "/close");
        assertThat(cycles.get(cycle.id()).status()).isEqualTo("OPEN");
        HttpResponse<String> closed = coordinator.postForm("/coordinator/cycles", "/coordinator/cycles/" + cycle.id() + "/close",
                "confirmed", "true");
        assertThat(location(closed)).endsWith("/coordinator/cycles/" + cycle.id() + "/report");
        assertThat(cycles.get(cycle.id()).status()).isEqualTo("CLOSED");
        String process = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(CycleProcess.KEY)
                .processInstanceBusinessKey(cycle.id().toString()).singleResult().getId();
        new ProcessDriver(engine).runAsyncJobs(process);
        HistoricProcessInstance ended = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(process).singleResult();
        assertThat(ended.getEndActivityId()).isEqualTo(CycleProcess.END_CYCLE_CLOSED);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(process)
                .activityId(CycleProcess.USER_TASK_CLOSE_CYCLE).singleResult().getAssignee()).isEqualTo("coordinator");

        // the cycle report, and no new challenge in a closed cycle
        HttpResponse<byte[]> report = coordinator.getBytes("/reports/cycles/" + cycle.id() + ".pdf");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(new String(report.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String reportPage = coordinator.get("/coordinator/cycles/" + cycle.id() + "/report").body();
        assertThat(reportPage).contains("/reports/cycles/" + cycle.id() + ".pdf").contains("1 challenge")
                .contains("No application").contains(title).contains("Delft");
        assertThat(delft.get("/coordinator/cycles/" + cycle.id() + "/report").statusCode()).isEqualTo(403);
        assertThat(delft.get("/city/challenges/new").body()).doesNotContain("value=\"" + cycle.id() + "\"");
        HttpResponse<String> late = delft.postForm("/city/challenges/new", "/city/challenges/new", CycleProcess.CYCLE_ID.name(), cycle.id().toString(),
                "title", title + " 2", "problem", "Too late.", "openDatasets", "-", "budgetCap", "1000", "kpis", "-",
                "languages", "nl", "minTrl", "5");
        assertThat(late.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> challenges.launch(cycle.id(), "city-delft", new Challenges.Definition("Late", "Too late.", "-",
                BigDecimal.valueOf(1000), "-", "nl", 5))).isInstanceOf(RuleViolationException.class).hasMessageContaining("closed");
        assertThat(challenges.ofCycle(cycle.id())).hasSize(1);
        assertThat(coordinator.postForm("/coordinator/cycles", "/coordinator/cycles/" + cycle.id() + "/close", "confirmed", "true")
                .statusCode()).isEqualTo(409);
    }

    @Test
    void onlyPublishedVersionsCanBeChosenForACycle() {
        String draft = "unpublished-" + UUID.randomUUID().toString().substring(0, 8);
        versions.draftFrom("scifi-2025", draft, "coordinator");
        PortalClient coordinator = as("coordinator");
        assertThat(coordinator.get("/coordinator/cycles").body()).doesNotContain("value=\"" + draft + "\"");
        HttpResponse<String> refused = coordinator.postForm("/coordinator/cycles", "/coordinator/cycles", "name", "Under a draft",
                CycleProcess.BYLAWS_VERSION.name(), draft);
        assertThat(refused.body()).contains("id=\"bylawsVersion-error\"");
        assertThat(cycles.all()).noneMatch(c -> c.bylawsVersion().equals(draft));
    }
}
