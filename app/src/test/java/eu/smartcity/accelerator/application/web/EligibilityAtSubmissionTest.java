package eu.smartcity.accelerator.application.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.application.ApplicationDrafts;
import eu.smartcity.accelerator.application.ApplicationProcess;
import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code eligibility} table runs when a company submits (and saves a draft), on what it entered, under the
 * second cycle's bylaws (legal entities only, at most € 10,000). The bylaws decide: refuse at once, or take the
 * application with a warning and decide after the deadline.
 */
@AcceleratorTest
class EligibilityAtSubmissionTest {

    @LocalServerPort int port;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired Applications applications;
    @Autowired ApplicationDrafts drafts;
    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;

    UUID cycle;
    UUID call;
    String applyPage;

    @BeforeEach
    void anOpenCallOfTheSecondCycle() {
        cycle = cycles.open("Submission check " + UUID.randomUUID(), "scifi-2025").id();
        call = challenges.launch(cycle, "city-bruges", new Challenges.Definition("Bike counts " + UUID.randomUUID(),
                "A problem worth solving here.", "Traffic counts", new BigDecimal("10000"), "Fewer cars", "nl", 5));
        new ProcessDriver(engine).complete(challenges.find(call).orElseThrow().processInstanceId(),
                ChallengeProcess.USER_TASK_APPROVE_CHALLENGE, Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.APPROVE.wire()));
        applyPage = "/challenges/" + call + "/apply";
    }

    /** Pins bylaws that refuse at submission on the cycle (the shipped versions warn). */
    void bylawsRefuseAtSubmission() {
        int pinned = jdbc.update("UPDATE cycle SET rules_json = REPLACE(rules_json, '\"checkAtSubmission\":\"WARN\"', "
                + "'\"checkAtSubmission\":\"REFUSE\"') WHERE id = ?", cycle);
        assertThat(pinned).isEqualTo(1);
        assertThat(cycles.bylawsOf(cycle).checkAtSubmission()).isEqualTo(eu.smartcity.accelerator.cycle.Bylaws.AtSubmission.REFUSE);
    }

    PortalClient company(String user, String language) {
        PortalClient client = new PortalClient(port).speaking(language);
        client.login(user, "demo");
        return client;
    }

    /** A natural person (legal entity not ticked) asking € 12,000: two failed conditions. */
    HttpResponse<String> applyAsNaturalPersonOverTheCap(PortalClient client, String title) {
        return client.postMultipart(applyPage, applyPage, List.of(), "solutionTitle", title, "pitch", "Counting bikes on open data",
                "requestedBudget", "12000", "trl", "7", "country", "BE", "employees", "1", "interoperable", "true",
                "declarationsSigned", "true");
    }

    long applicationProcesses() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(ApplicationProcess.KEY).count();
    }

    boolean applied(String company) {
        return applications.ofCompany(company).stream().anyMatch(a -> a.challengeId().equals(call));
    }

    @Test
    void refusingBylawsSendTheFormBackWithEveryProblemAndItsFiguresInTheCompanysLanguageAndStoreNothing() {
        bylawsRefuseAtSubmission();
        long processesBefore = applicationProcesses();

        HttpResponse<String> nl = applyAsNaturalPersonOverTheCap(company("urbansense", "nl"), "Fietstellers");
        assertThat(nl.statusCode()).isEqualTo(200);
        assertThat(nl.body()).contains("Deze oproep aanvaardt de aanvraag niet zoals ingevuld")
                .containsPattern("U vroeg €\\h12\\.000,00; deze cyclus financiert hoogstens €\\h10\\.000,00\\.")
                .contains("Deze oproep staat alleen open voor geregistreerde rechtspersonen")
                .contains("id=\"requestedBudget-error\"").contains("id=\"legalEntity-error\"")
                .contains("value=\"Fietstellers\"").contains("value=\"12000\""); // the input is kept

        HttpResponse<String> fr = applyAsNaturalPersonOverTheCap(company("parkflow", "fr"), "Compteurs vélo");
        assertThat(fr.statusCode()).isEqualTo(200);
        assertThat(fr.body()).containsPattern("Vous avez demandé 12\\h000,00\\h€ ; ce cycle finance au plus 10\\h000,00\\h€\\.")
                .contains("Cet appel est réservé aux personnes morales enregistrées");

        assertThat(applied("company-urbansense")).isFalse();
        assertThat(applied("company-parkflow")).isFalse();
        assertThat(applicationProcesses()).isEqualTo(processesBefore);
    }

    @Test
    void refusingBylawsStillTakeAnEligibleApplication() {
        bylawsRefuseAtSubmission();
        HttpResponse<String> eligible = company("greengrid", "en").postMultipart(applyPage, applyPage, List.of(),
                "solutionTitle", "Green counts", "pitch", "Counting bikes", "requestedBudget", "9500", "trl", "7",
                "country", "NL", "employees", "20", "legalEntity", "true", "interoperable", "true", "declarationsSigned", "true");
        assertThat(eligible.statusCode()).isEqualTo(302);
        assertThat(applied("company-greengrid")).isTrue();
    }

    @Test
    void warningBylawsTakeTheApplicationSayWhyItFailsAndTheProcessFindsItIneligibleAfterTheDeadline() {
        PortalClient urbansense = company("urbansense", "en");
        HttpResponse<String> taken = applyAsNaturalPersonOverTheCap(urbansense, "Bike counters");
        assertThat(taken.statusCode()).isEqualTo(302);
        Applications.ApplicationView stored = applications.ofCompany("company-urbansense").stream()
                .filter(a -> a.challengeId().equals(call)).findFirst().orElseThrow();
        assertThat(stored.status()).isEqualTo("SUBMITTED");

        String mine = urbansense.get(taken.headers().firstValue("Location").map(l -> l.replaceFirst("^https?://[^/]+", "")).orElseThrow()).body();
        assertThat(mine).contains("Your application was submitted, but as entered it is not eligible")
                .contains("As submitted, it will not be eligible")
                .contains("You requested €12,000.00; this cycle funds at most €10,000.00.")
                .contains("This call is open to registered legal entities only");

        new ProcessDriver(engine).fireTimer(challenges.find(call).orElseThrow().processInstanceId(),
                ChallengeProcess.TIMER_CALL_WINDOW_OVER);
        Applications.ApplicationView decided = applications.find(stored.id()).orElseThrow();
        assertThat(decided.status()).isEqualTo("INELIGIBLE");
        assertThat(decided.ineligibilityReasons()).containsExactlyInAnyOrder("NOT_A_LEGAL_ENTITY", "BUDGET_ABOVE_CAP");
        assertThat(urbansense.get("/applications").body()).doesNotContain("As submitted, it will not be eligible")
                .contains("You requested €12,000.00; this cycle funds at most €10,000.00.");
    }

    @Test
    void legalEntityStatusComesFromTheCompanysRegistrationNotFromTheForm() {
        jdbc.update("INSERT INTO organisation_profile (group_id, legal_entity) VALUES ('company-greengrid', FALSE)");
        try {
            bylawsRefuseAtSubmission();
            PortalClient greengrid = company("greengrid", "en");
            assertThat(greengrid.get(applyPage).body()).contains("data-legal-entity-registered")
                    .contains("As registered by your company");
            HttpResponse<String> refused = greengrid.postMultipart(applyPage, applyPage, List.of(),
                    "solutionTitle", "Green counts", "pitch", "Counting bikes", "requestedBudget", "9500", "trl", "7",
                    "country", "NL", "employees", "20", "legalEntity", "true", "interoperable", "true", "declarationsSigned", "true");
            assertThat(refused.statusCode()).isEqualTo(200); // ticked in the form, but registered as no legal entity
            assertThat(refused.body()).contains("This call is open to registered legal entities only")
                    .doesNotContain("You requested");
            assertThat(applied("company-greengrid")).isFalse();
        } finally {
            jdbc.update("DELETE FROM organisation_profile WHERE group_id = 'company-greengrid'");
        }
    }

    @Test
    void savingADraftShowsTheSameCheckAsAWarningAndKeepsTheDraft() {
        PortalClient parkflow = company("parkflow", "nl");
        HttpResponse<String> saved = parkflow.postMultipart(applyPage, "/challenges/" + call + "/draft", List.of(),
                "solutionTitle", "Parkeertellers", "pitch", "Tellen", "requestedBudget", "12000", "trl", "7", "country", "BE",
                "employees", "10", "legalEntity", "true", "interoperable", "true", "declarationsSigned", "true");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(drafts.find(call, "company-parkflow")).isPresent();
        String page = parkflow.get(applyPage).body();
        assertThat(page).contains("Zoals ingevuld zou deze aanvraag niet ontvankelijk zijn")
                .containsPattern("U vroeg €\\h12\\.000,00; deze cyclus financiert hoogstens €\\h10\\.000,00\\.")
                .doesNotContain("Deze oproep staat alleen open voor geregistreerde rechtspersonen");

        // an incomplete draft is not checked: nothing to warn about yet
        parkflow.postMultipart(applyPage, "/challenges/" + call + "/draft", List.of(), "solutionTitle", "Parkeertellers");
        assertThat(parkflow.get(applyPage).body()).doesNotContain("niet ontvankelijk zijn");
    }
}
