package eu.smartcity.accelerator.application.web;

import eu.smartcity.accelerator.workflow.ProcessVariables;
import eu.smartcity.accelerator.pilot.PilotProcess;
import eu.smartcity.accelerator.application.ApplicationProcess;
import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public challenge pages and a company's application pages, through HTTP as a browser sends it. */
@AcceleratorTest
class ApplicationPagesTest {

    @LocalServerPort int port;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired ProcessEngine engine;
    @Autowired eu.smartcity.accelerator.application.Applications applications;

    UUID published;
    UUID draft;

    @BeforeEach
    void oneOpenCallAndOneDraft() {
        UUID cycle = cycles.open("Portal cycle", "scifi-2024").id();
        published = launch(cycle, "Open call " + UUID.randomUUID());
        new ProcessDriver(engine).complete(challenges.find(published).orElseThrow().processInstanceId(),
                ChallengeProcess.USER_TASK_APPROVE_CHALLENGE, Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.APPROVE.wire()));
        draft = launch(cycle, "Draft " + UUID.randomUUID());
    }

    UUID launch(UUID cycle, String title) {
        return challenges.launch(cycle, "city-bruges", new Challenges.Definition(title, "A problem worth solving here.",
                "Traffic counts", new BigDecimal("20000"), "Fewer cars", "nl", 5));
    }

    PortalClient company(String user) {
        PortalClient client = new PortalClient(port);
        client.login(user, "demo");
        return client;
    }

    HttpResponse<String> apply(PortalClient client, String title, String budget, String trl) {
        return client.postForm("/challenges/" + published + "/apply", "/challenges/" + published + "/apply",
                "solutionTitle", title, "pitch", "Sensors and open data", "requestedBudget", budget, "trl", trl,
                "country", "BE", "employees", "12", "legalEntity", "true", "interoperable", "true", "declarationsSigned", "true");
    }

    @Test
    void visitorsSeePublishedCallsButNotDrafts() {
        PortalClient visitor = new PortalClient(port);
        HttpResponse<String> list = visitor.get("/challenges");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(challenges.find(published).orElseThrow().title())
                .doesNotContain(challenges.find(draft).orElseThrow().title());
        assertThat(visitor.get("/challenges/" + published).body()).contains("Traffic counts");
        assertThat(visitor.get("/challenges/" + draft).statusCode()).isEqualTo(404);
        assertThat(visitor.get("/challenges/" + published + "/apply").statusCode()).isEqualTo(302); // to the login page
    }

    @Test
    void badInputComesBackWithTheInputKeptAndTheProblemNextToItsField() {
        PortalClient urbansense = company("urbansense");
        HttpResponse<String> response = apply(urbansense, "Kept title", "-5", "12");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("value=\"Kept title\"")
                .contains("id=\"requestedBudget-error\"").contains("id=\"trl-error\"")
                .contains("aria-invalid=\"true\"").doesNotContain("Exception")
                .contains("Enter the budget you request in euros, at least 1.")
                .contains("Choose the technology readiness level of your solution, from 1 to 9.");
        // a sentence about the field in the user's language, never the constraint's wording ("doit être supérieur")
        HttpResponse<String> inFrench = company("urbansense").speaking("fr").postMultipart("/challenges/" + published + "/apply",
                "/challenges/" + published + "/apply", java.util.List.of(), "solutionTitle", "Kept title", "pitch", "Sensors and open data",
                "requestedBudget", "-5", "trl", "12", "country", "BE", "employees", "12", "declarationsSigned", "true");
        assertThat(inFrench.body()).contains("Indiquez le budget demandé en euros, au moins 1.")
                .contains("Choisissez le niveau de maturité technologique (TRL) de votre solution, de 1 à 9.")
                .doesNotContain("doit être").doesNotContain("must be");
    }

    @Test
    void aCompanySeesOnlyItsOwnApplicationsAndMayWithdrawBeforeTheDeadline() {
        PortalClient urbansense = company("urbansense");
        String title = "Mine " + UUID.randomUUID();
        HttpResponse<String> submitted = apply(urbansense, title, "9000", "7");
        assertThat(submitted.statusCode()).isEqualTo(302);
        assertThat(submitted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/applications?submitted=yes"));

        HttpResponse<String> mine = urbansense.get("/applications?submitted=yes");
        assertThat(mine.body()).contains("Your application was submitted.").contains(title).contains("Submitted").contains("Application submitted");
        // the timeline and the next step speak the user's language too
        assertThat(urbansense.get("/applications", "Accept-Language", "fr").body()).contains("Candidature déposée")
                .contains("Rien à faire jusqu").doesNotContain("Application submitted");
        String applicationId = mine.body().replaceAll("(?s).*action=\"/applications/([0-9a-f-]{36})/withdraw\".*", "$1");

        PortalClient parkflow = company("parkflow");
        assertThat(parkflow.get("/applications").body()).doesNotContain(title);
        assertThat(parkflow.postForm("/applications", "/applications/" + applicationId + "/withdraw").statusCode()).isEqualTo(404);

        // the first click only asks (irreversible once the call closes); confirming withdraws
        assertThat(urbansense.postForm("/applications", "/applications/" + applicationId + "/withdraw").statusCode()).isEqualTo(302);
        assertThat(urbansense.get("/applications").body()).contains("Withdraw this application?");
        assertThat(applications.find(UUID.fromString(applicationId)).orElseThrow().status()).isEqualTo("SUBMITTED");
        assertThat(urbansense.postForm("/applications", "/applications/" + applicationId + "/withdraw", "confirmed", "true")
                .statusCode()).isEqualTo(302);
        assertThat(urbansense.get("/applications").body()).contains("Withdrawn");
    }

    @Test
    void anApplicantSeesHowItWasAssessedOnlyOnceTheResultIsFinal() {
        PortalClient urbansense = company("urbansense");
        String title = "Low TRL " + UUID.randomUUID();
        assertThat(apply(urbansense, title, "9000", "2").statusCode()).isEqualTo(302);
        UUID id = applications.ofCompany("company-urbansense").stream().filter(a -> a.solutionTitle().equals(title))
                .findFirst().orElseThrow().id();

        HttpResponse<String> before = urbansense.get("/applications/" + id + "/explanation");
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body()).contains("not final yet").doesNotContain("TRL_BELOW_MINIMUM");

        new ProcessDriver(engine).fireTimer(challenges.find(published).orElseThrow().processInstanceId(),
                ChallengeProcess.TIMER_CALL_WINDOW_OVER); // call closes, eligibility is decided: final for this one
        HttpResponse<String> after = urbansense.get("/applications/" + id + "/explanation");
        // in plain words (issue #17): the fact with its value, the condition, the reason with the figures — no codes
        assertThat(after.body()).contains("Technology readiness level: 2 — at least").contains("Your solution is at technology readiness level 2;")
                .doesNotContain("TRL_BELOW_MINIMUM").doesNotContain("eligibility v").contains(title).contains("Not eligible")
                .doesNotContain("not final yet").doesNotContain("??");
        assertThat(urbansense.get("/applications").body()).contains("/applications/" + id + "/explanation");

        assertThat(company("parkflow").get("/applications/" + id + "/explanation").statusCode()).isEqualTo(404);
    }

    @Test
    void onlyCompaniesReachApplicationPagesAndEveryPostNeedsItsCsrfToken() {
        PortalClient officer = new PortalClient(port);
        officer.login("officer-bruges", "demo");
        assertThat(officer.get("/applications").statusCode()).isEqualTo(403);
        assertThat(officer.get("/challenges/" + published + "/apply").statusCode()).isEqualTo(403);

        PortalClient urbansense = company("urbansense");
        assertThat(urbansense.postWithoutCsrf("/challenges/" + published + "/apply", "solutionTitle=x").statusCode()).isEqualTo(403);
    }

    @Test
    void pagesSpeakDutchAndFrenchWithAmountsInTheLocalFormat() {
        PortalClient visitor = new PortalClient(port);
        assertThat(visitor.get("/challenges", "Accept-Language", "nl").body()).contains("Open oproepen").containsPattern("€\\h20\\.000,00");
        assertThat(visitor.get("/challenges", "Accept-Language", "fr").body()).contains("Appels ouverts").containsPattern("20\\h000,00\\h€");
    }

    /** Issue #16: when the city stops the pilot, the company reads the city's reason next to its application. */
    @Test
    void theCompanyReadsWhyTheCityStoppedItsPilot() {
        UUID application = applications.submit(new eu.smartcity.accelerator.application.Applications.Submission(published,
                "company-greengrid", "Quiet lights", "Dimming by presence", new BigDecimal("9000"), 7, true, "BE", 12, true, true));
        Map<String, Object> variables = new java.util.HashMap<>(eu.smartcity.accelerator.support.ProcessTestBase.deliveryVariables());
        variables.put(ApplicationProcess.APPLICATION_ID.name(), application.toString());
        variables.put(ApplicationProcess.CHALLENGE_ID.name(), published.toString());
        String pilot = engine.getRuntimeService().startProcessInstanceByKey(eu.smartcity.accelerator.pilot.PilotProcess.KEY,
                variables.get(ChallengeProcess.PILOT_ID.name()).toString(), variables).getId();
        ProcessDriver driver = new ProcessDriver(engine);
        driver.runAsyncJobs(pilot);
        driver.complete(pilot, eu.smartcity.accelerator.pilot.PilotProcess.USER_TASK_KICK_OFF, ProcessVariables.of(PilotProcess.KICKOFF_NOTES.with("Agreed")));
        driver.complete(pilot, eu.smartcity.accelerator.pilot.PilotProcess.USER_TASK_CHECK_INFRASTRUCTURE,
                ProcessVariables.of(PilotProcess.CONNECTIVITY.with(PilotProcess.Answer.YES), PilotProcess.POWER.with(PilotProcess.Answer.YES), PilotProcess.SIM_NETWORK.with(PilotProcess.Answer.YES), PilotProcess.DATA_ACCESS.with(PilotProcess.Answer.YES)));
        driver.complete(pilot, eu.smartcity.accelerator.pilot.PilotProcess.USER_TASK_REPORT_PROGRESS,
                ProcessVariables.of(PilotProcess.PROGRESS.with("Lamps fail at night"), PilotProcess.MILESTONE_MET.with(PilotProcess.Answer.NO)));
        PortalClient greengrid = company("greengrid");
        // (the H2 test database is kept between runs: this run's reason is told apart by a random word)
        String reason = "The lamps failed three nights out of five " + UUID.randomUUID();
        assertThat(greengrid.get("/applications").body()).contains("Quiet lights").doesNotContain(reason);

        driver.complete(pilot, eu.smartcity.accelerator.pilot.PilotProcess.USER_TASK_REVIEW_PROGRESS,
                ProcessVariables.of(PilotProcess.PROGRESS_DECISION.with(PilotProcess.ProgressDecision.STOP), PilotProcess.REVIEW_NOTES.with(reason)));
        assertThat(greengrid.get("/applications").body()).contains("data-stop-reason")
                .contains("The city stopped the pilot early. Its reason:").contains(reason);
        assertThat(company("urbansense").get("/applications").body()).doesNotContain(reason);
    }
}
