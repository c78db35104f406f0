package eu.smartcity.accelerator.application.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.application.ApplicationStatus;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cap check ignores what the city funds beside the pilot: on a € 10,000 call with € 5,000 of city-funded
 * equipment, asking exactly € 10,000 is eligible, € 10,001 is not — at submission (bylaws that refuse) and in the
 * process's own eligibility decision after the deadline.
 */
@AcceleratorTest
class CityFundsOutsideTheCapTest {

    @LocalServerPort int port;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired Applications applications;
    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;

    HttpResponse<String> apply(String company, String applyPage, String requestedBudget) {
        PortalClient client = new PortalClient(port).speaking("en");
        client.login(company, "demo");
        return client.postMultipart(applyPage, applyPage, List.of(), "solutionTitle", "Counts " + requestedBudget,
                "pitch", "Counting bikes on open data", "requestedBudget", requestedBudget, "trl", "7", "country", "BE",
                "employees", "20", "legalEntity", "true", "interoperable", "true", "declarationsSigned", "true");
    }

    @Test
    void askingTheCapIsEligibleAndOneEuroMoreIsNotWhateverTheCityFundsBeside() {
        UUID cycle = cycles.open("Extras and the cap " + UUID.randomUUID(), "scifi-2025").id();
        UUID call = challenges.launch(cycle, "city-bruges", new Challenges.Definition("Bike counts " + UUID.randomUUID(),
                "A problem worth solving here.", "Traffic counts", new BigDecimal("10000"), "Fewer cars", "nl", 5),
                List.of(new Challenges.Extra(Challenges.ExtraKind.EQUIPMENT, "Counting loops", new BigDecimal("5000"))));
        ProcessDriver driver = new ProcessDriver(engine);
        String pi = challenges.find(call).orElseThrow().processInstanceId();
        driver.complete(pi, ChallengeProcess.USER_TASK_APPROVE_CHALLENGE,
                Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.APPROVE.wire()));
        driver.runAsyncJobs(pi);
        // bylaws that refuse at submission: the check's verdict is visible at once (the shipped versions warn)
        assertThat(jdbc.update("UPDATE cycle SET rules_json = REPLACE(rules_json, '\"checkAtSubmission\":\"WARN\"', "
                + "'\"checkAtSubmission\":\"REFUSE\"') WHERE id = ?", cycle)).isEqualTo(1);
        String applyPage = "/challenges/" + call + "/apply";

        HttpResponse<String> overTheCap = apply("urbansense", applyPage, "10001");
        assertThat(overTheCap.statusCode()).isEqualTo(200);
        assertThat(overTheCap.body()).contains("You requested €10,001.00; this cycle funds at most €10,000.00.");

        assertThat(apply("parkflow", applyPage, "10000").statusCode()).isEqualTo(302);
        Applications.ApplicationView atTheCap = applications.ofCompany("company-parkflow").stream()
                .filter(a -> a.challengeId().equals(call)).findFirst().orElseThrow();
        assertThat(applications.ofCompany("company-urbansense")).noneMatch(a -> a.challengeId().equals(call));

        // after the deadline the process's eligibility decision agrees
        driver.fireTimer(pi, ChallengeProcess.TIMER_CALL_WINDOW_OVER);
        Applications.ApplicationView decided = applications.find(atTheCap.id()).orElseThrow();
        assertThat(decided.applicationStatus()).isEqualTo(ApplicationStatus.UNDER_REVIEW);
        assertThat(decided.ineligibilityReasons()).isEmpty();
    }
}
