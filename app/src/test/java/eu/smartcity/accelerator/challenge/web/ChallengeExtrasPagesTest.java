package eu.smartcity.accelerator.challenge.web;

import static eu.smartcity.accelerator.challenge.ChallengeProcess.BUDGET_CAP;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.CYCLE_ID;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.KPIS;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.LANGUAGES;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.MIN_TRL;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.OPEN_DATASETS;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.PROBLEM;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.opendata.OcdsPublisher;
import eu.smartcity.accelerator.opendata.OcdsValidator;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A city enters what it funds beside the pilot on its challenge form (errors next to the fields, in its language),
 * changes it while sent back; the coordinator sees it on the approval task; once published, the public page, the
 * API and the OCDS tender show it apart from the pilot's cap.
 */
@AcceleratorTest
class ChallengeExtrasPagesTest {

    static final String NEW = "/city/challenges/new";

    @LocalServerPort int port;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired ProcessEngine engine;
    @Autowired OcdsPublisher ocds;
    @Autowired OcdsValidator validator;
    @Autowired ObjectMapper json;

    UUID cycle;

    @BeforeEach
    void anOpenCycle() {
        cycle = cycles.open("Extras pages " + UUID.randomUUID(), "scifi-2025").id();
    }

    PortalClient as(String user, String language) {
        PortalClient client = new PortalClient(port).speaking(language);
        assertThat(client.login(user, "demo").headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    /** The define form with the challenge's fields and the given extra lines (kind, description, amount each). */
    HttpResponse<String> define(PortalClient city, String title, String... extraLines) {
        List<String> fields = new ArrayList<>(List.of(CYCLE_ID.name(), cycle.toString(), TITLE.name(), title,
                PROBLEM.name(), "Drivers search too long for a free parking space.", OPEN_DATASETS.name(), "Parking occupancy",
                BUDGET_CAP.name(), "10000", KPIS.name(), "Search time halved", LANGUAGES.name(), "nl", MIN_TRL.name(), "6"));
        for (int i = 0; i < extraLines.length; i += 3) {
            fields.addAll(List.of("extraKind", extraLines[i], "extraDescription", extraLines[i + 1], "extraAmount", extraLines[i + 2]));
        }
        return city.postForm(NEW, NEW, fields.toArray(String[]::new));
    }

    Challenges.ChallengeView titled(String city, String title) {
        return challenges.ofCity(city).stream().filter(c -> c.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void theFormShowsEachProblemNextToItsFieldInTheCitysLanguageAndKeepsTheInput() {
        String title = "Stationnement " + UUID.randomUUID();
        HttpResponse<String> refused = define(as("officer-mechelen", "fr"), title,
                "EQUIPMENT", "Capteurs de stationnement", "-5000",
                "DATA_ACCESS", "", "2500");

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"extraAmount-0-error\"").contains("id=\"extraDescription-1-error\"")
                .contains("Saisissez un montant en euros, supérieur à 0").contains("Décrivez-le en 1 à 200 caractères")
                .contains("aria-describedby=\"extraAmount-0-error\"")
                .contains("value=\"Capteurs de stationnement\"").contains("value=\"-5000\"")
                .doesNotContain("Exception").doesNotContain("??");
        assertThat(challenges.ofCity("city-mechelen")).noneMatch(c -> c.title().equals(title));
    }

    @Test
    void addALineGivesOneMoreEmptyLineWithoutCheckingAnything() {
        PortalClient city = as("officer-mechelen", "en");
        assertThat(city.get(NEW).body()).contains("id=\"extraKind-0\"").doesNotContain("id=\"extraKind-1\"")
                .contains("City funds beside the pilot");
        HttpResponse<String> more = city.postForm(NEW, NEW, CYCLE_ID.name(), cycle.toString(), TITLE.name(), "",
                "extraKind", "EQUIPMENT", "extraDescription", "Sensors", "extraAmount", "5000", "addExtraLine", "true");
        assertThat(more.statusCode()).isEqualTo(200);
        assertThat(more.body()).contains("id=\"extraKind-1\"").contains("value=\"Sensors\"").doesNotContain("field-error");
    }

    @Test
    void storedExtrasAreOnTheApprovalTaskThenOnThePublicPageTheApiAndOcdsApartFromThePilotCap() throws Exception {
        String title = "Parking guidance " + UUID.randomUUID();
        PortalClient city = as("officer-mechelen", "en");
        HttpResponse<String> defined = define(city, title,
                "EQUIPMENT", "Parking sensors on 40 spaces", "4,000",
                "DATA_ACCESS", "Access to the traffic data platform", "1000.50",
                "OTHER", "", "");
        assertThat(defined.statusCode()).isEqualTo(302);
        Challenges.ChallengeView challenge = titled("city-mechelen", title);
        assertThat(challenges.extrasOf(challenge.id())).extracting(Challenges.Extra::amount)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("4000"), new BigDecimal("1000.50"));

        // the coordinator decides on it: it is on the approval task, apart from the pilot's cap
        ProcessDriver driver = new ProcessDriver(engine);
        String approve = "/tasks/" + driver.task(challenge.processInstanceId(), ChallengeProcess.USER_TASK_APPROVE_CHALLENGE).getId();
        HttpResponse<String> task = as("coordinator", "en").get(approve);
        assertThat(task.statusCode()).isEqualTo(200);
        assertThat(task.body()).contains("Equipment: Parking sensors on 40 spaces — €4,000.00")
                .contains("Data access: Access to the traffic data platform — €1,000.50")
                .contains("In all €5,000.50, outside the pilot budget").contains("€10,000.00");

        // sent back, the city changes them on its own page; another city does not even see that page
        driver.complete(challenge.processInstanceId(), ChallengeProcess.USER_TASK_APPROVE_CHALLENGE, Map.of(
                ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.SEND_BACK.wire(), ChallengeProcess.REMARKS.name(), "Name the sensors"));
        String extras = "/city/challenges/" + challenge.id() + "/extras";
        assertThat(city.get("/city/challenges").body()).contains("href=\"" + extras + "\"");
        assertThat(as("officer-delft", "en").get(extras).statusCode()).isEqualTo(404);
        HttpResponse<String> wrong = city.postForm(extras, extras, "extraKind", "EQUIPMENT", "extraDescription", "Magnetometers",
                "extraAmount", "2000000");
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("id=\"extraAmount-0-error\"").contains("at most 1,000,000");
        assertThat(city.postForm(extras, extras, "extraKind", "EQUIPMENT", "extraDescription", "40 magnetometers",
                "extraAmount", "5000", "extraKind", "EQUIPMENT", "extraDescription", "", "extraAmount", "").statusCode()).isEqualTo(302);
        assertThat(city.get(extras).body()).contains("value=\"40 magnetometers\"").contains("Saved.");
        String revise = "/tasks/" + driver.task(challenge.processInstanceId(), ChallengeProcess.USER_TASK_REVISE_CHALLENGE).getId();
        assertThat(city.get(revise).body()).contains("href=\"" + extras + "\"").contains("40 magnetometers");

        driver.complete(challenge.processInstanceId(), ChallengeProcess.USER_TASK_REVISE_CHALLENGE, Map.of(TITLE.name(), title,
                PROBLEM.name(), "Drivers search too long for a free parking space.", OPEN_DATASETS.name(), "Parking occupancy",
                BUDGET_CAP.name(), 10000L, KPIS.name(), "Search time halved", LANGUAGES.name(), "nl", MIN_TRL.name(), 6L));
        driver.complete(challenge.processInstanceId(), ChallengeProcess.USER_TASK_APPROVE_CHALLENGE,
                Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.APPROVE.wire()));
        driver.runAsyncJobs(challenge.processInstanceId());

        // published: shown, no longer changed
        assertThat(city.get(extras).body()).contains("The call is published").doesNotContain("name=\"extraAmount\"");
        PortalClient visitor = new PortalClient(port).speaking("nl");
        String page = visitor.get("/challenges/" + challenge.id()).body();
        assertThat(page).contains("Wat de stad naast de pilot financiert").contains("Uitrusting: 40 magnetometers")
                .containsPattern("€\\h10\\.000,00").containsPattern("€\\h5\\.000,00");

        JsonNode api = json.readTree(visitor.get("/api/challenges/" + challenge.id()).body());
        assertThat(api.get(BUDGET_CAP.name()).decimalValue()).isEqualByComparingTo("10000");
        assertThat(api.at("/cityFunds/0/kind").asText()).isEqualTo("EQUIPMENT");
        assertThat(api.at("/cityFunds/0/description").asText()).isEqualTo("40 magnetometers");
        assertThat(api.at("/cityFunds/0/amount").decimalValue()).isEqualByComparingTo("5000");
        assertThat(api.at("/cityFunds/0/currency").asText()).isEqualTo("EUR");

        JsonNode ocdsPackage = json.readTree(visitor.get("/api/ocds/packages/" + ocds.ocidFor(challenge.id().toString())).body());
        assertThat(validator.problems(ocdsPackage)).isEmpty();
        JsonNode tender = ocdsPackage.at("/releases/0/tender");
        assertThat(tender.at("/value/amount").decimalValue()).isEqualByComparingTo("10000");
        assertThat(tender.at("/items/0/unit/value/amount").decimalValue()).isEqualByComparingTo("10000");
        assertThat(tender.at("/items/1/classification/id").asText()).isEqualTo("EQUIPMENT");
        assertThat(tender.at("/items/1/description").asText()).isEqualTo("Funded by the city, outside the pilot budget: 40 magnetometers");
        assertThat(tender.at("/items/1/unit/value/amount").decimalValue()).isEqualByComparingTo("5000");
    }
}
