package eu.smartcity.accelerator.challenge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.shared.RuleViolationException;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import eu.smartcity.accelerator.workflow.TaskCompletions;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The language of a challenge's contract: by default the first of the challenge's languages a contract is written in
 * (else English); the city changes it on the challenge's page until the contract is drawn up; everyone sees it.
 */
@AcceleratorTest
class ContractLanguagePagesTest {

    @LocalServerPort int port;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired JdbcTemplate jdbc;
    final ProcessDriver driver;

    ContractLanguagePagesTest(@Autowired ProcessEngine engine, @Autowired TaskCompletions completions) {
        this.driver = new ProcessDriver(engine, completions);
    }

    UUID publish(String languages) {
        UUID cycle = cycles.open("Contract language " + UUID.randomUUID(), "scifi-2025").id();
        UUID id = challenges.launch(cycle, "city-mechelen", new Challenges.Definition("Quiet streets " + UUID.randomUUID(),
                "Noise at night.", null, new BigDecimal("9000"), "Complaints down", languages, 5));
        String pi = challenges.find(id).orElseThrow().processInstanceId();
        driver.complete(pi, ChallengeProcess.USER_TASK_APPROVE_CHALLENGE,
                Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.APPROVE.wire()));
        driver.runAsyncJobs(pi);
        return id;
    }

    PortalClient as(String user, String language) {
        PortalClient client = new PortalClient(port).speaking(language);
        assertThat(client.login(user, "demo").headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    @Test
    void theDefaultIsTheFirstOfTheChallengesLanguagesThatAContractIsWrittenIn() {
        assertThat(challenges.contractLanguage(publish("FR, nl"))).contains(Locale.FRENCH);
        assertThat(challenges.contractLanguage(publish("de, nl"))).contains(Locale.forLanguageTag("nl"));
        assertThat(challenges.contractLanguage(publish("de"))).contains(Locale.ENGLISH);
        assertThat(challenges.contractLanguage(UUID.randomUUID())).isEmpty();
    }

    @Test
    void theCityChoosesItOnTheChallengesPageAndEveryoneSeesIt() {
        UUID id = publish("nl");
        String page = "/challenges/" + id;
        PortalClient city = as("officer-mechelen", "fr");
        assertThat(city.get(page).body()).contains("id=\"contract-language\"").contains("<option value=\"nl\" selected=\"selected\">Néerlandais</option>")
                .doesNotContain("??");

        HttpResponse<String> chosen = city.postForm(page, "/city/challenges/" + id + "/contract-language", "language", "fr");
        assertThat(chosen.statusCode()).isEqualTo(302);
        assertThat(challenges.contractLanguage(id)).contains(Locale.FRENCH);
        assertThat(city.get(page).body()).contains("Le contrat sera rédigé en Français.").contains("<dd data-contract-language>Français</dd>");

        HttpResponse<String> refused = city.postForm(page, "/city/challenges/" + id + "/contract-language", "language", "de");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(city.get(page).body()).contains("Choisissez l’anglais, le néerlandais ou le français.");
        assertThat(challenges.contractLanguage(id)).contains(Locale.FRENCH);

        // another city and a company see the language, not the form
        assertThat(as("officer-delft", "en").get(page).body()).contains("<dd data-contract-language>French</dd>")
                .doesNotContain("id=\"contract-language\"");
        assertThat(as("urbansense", "nl").get(page).body()).contains("<dd data-contract-language>Frans</dd>")
                .doesNotContain("id=\"contract-language\"");
    }

    @Test
    void onceTheContractIsDrawnUpItsLanguageNoLongerChanges() {
        UUID id = publish("nl");
        jdbc.update("update challenge set status = 'CONTRACTING' where id = ?", id);
        assertThatThrownBy(() -> challenges.chooseContractLanguage(id, "fr")).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("no longer changes");
        assertThat(challenges.contractLanguage(id)).contains(Locale.forLanguageTag("nl"));
        assertThat(as("officer-mechelen", "en").get("/challenges/" + id).body()).doesNotContain("id=\"contract-language\"");
    }
}
