package eu.smartcity.accelerator.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smartcity.accelerator.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * The portal shell in a real browser, on PostgreSQL: public pages are accessible, one login opens
 * both the portal and Camunda Tasklist. Grows into the whole cycle as the portal pages land.
 */
@PostgresTest
@RequiresChromium
class PortalShellBrowserIT {

    @LocalServerPort int port;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired ProcessEngine engine;

    @Test
    void aVisitorSeesAccessiblePublicPages() {
        try (Browser visitor = new Browser(port, "visitor")) {
            visitor.open("/").step("home").assertAccessible();
            visitor.open("/login").step("login").assertAccessible();
            visitor.open("/challenges").step("open-calls").assertAccessible();
            visitor.open("/register").step("register").assertAccessible();
        }
    }

    @Test
    void aCityOfficerWorksInThePortalAndIsRefusedTasklist() {
        try (Browser officer = new Browser(port, "officer-mechelen")) {
            officer.login("demo").waitFor(Browser.LOGOUT).step("logged-in");
            assertThat(officer.text(Browser.LOGOUT)).contains("officer-mechelen");

            // the Camunda webapps are for coordinators: an old bookmark shows the portal's 403 page, in the user's language
            officer.open("/camunda/app/tasklist/default/").waitFor(By.id("error-page"));
            assertThat(officer.attribute(By.id("error-page"), "data-error-status")).isEqualTo("403");
            assertThat(officer.takeConsoleErrors()).singleElement().asString().contains("403");
            officer.open("/tasks").waitFor(By.cssSelector("main h1")).step("my-tasks");
        }
    }

    @Test
    void aCompanyAppliesToAnOpenCallAndFollowsItsApplication() {
        String title = "Bike parking sensors " + UUID.randomUUID().toString().substring(0, 8);
        UUID challenge = publishedChallenge(title);
        try (Browser company = new Browser(port, "parkflow")) {
            company.open("/challenges").step("open-calls").assertAccessible();
            company.open("/challenges/" + challenge).step("challenge").assertAccessible();
            company.login("demo").open("/challenges/" + challenge + "/apply").waitFor(By.id("solutionTitle"))
                    .step("apply-form").assertAccessible();

            // a mistake first: the form comes back with the problem next to the field
            company.type("solutionTitle", "ParkFlow bikes").type("pitch", "Counts bikes with open-source sensors.")
                    .type("requestedBudget", "0").type("trl", "7").type("employees", "12")
                    .select("country", "FR").check("legalEntity").check("interoperable").check("declarationsSigned")
                    .click(By.cssSelector("main form button[type=submit]")).waitFor(By.id("requestedBudget-error"))
                    .step("apply-error").assertAccessible();
            assertThat(company.value("solutionTitle")).isEqualTo("ParkFlow bikes");

            company.type("requestedBudget", "9000").click(By.cssSelector("main form button[type=submit]"))
                    .waitFor(By.cssSelector("[role=status]")).step("my-applications").assertAccessible();
            assertThat(company.text(By.cssSelector("main"))).contains("ParkFlow bikes").contains("Submitted");
        }
    }

    @Test
    void theCoordinatorApprovesAChallengeInTasklist() throws InterruptedException {
        UUID cycle = cycles.open("Tasklist cycle", "scifi-2024").id();
        UUID id = challenges.launch(cycle, "city-delft", new Challenges.Definition("Tasklist form check " + UUID.randomUUID(),
                "Check that Camunda Forms render in Tasklist.", "none", new BigDecimal("5000"), "a KPI", "en", 4));
        String taskId = engine.getTaskService().createTaskQuery()
                .processInstanceId(challenges.find(id).orElseThrow().processInstanceId()).singleResult().getId();
        try (Browser coordinator = new Browser(port, "coordinator")) {
            coordinator.login("demo").waitFor(Browser.LOGOUT);
            // Often the JVM's first Tasklist: on a loaded 2-core runner (load average 16) it once took over 60 s to render.
            // form-js renders a radio as an input inside its label, without a value attribute
            By approve = By.xpath("//*[contains(@class,'fjs-form')]//label[contains(normalize-space(.),'Approve and publish the call')]//input[@type='radio']");
            coordinator.open("/camunda/app/tasklist/default/#/?task=" + taskId)
                    .waitFor(approve, java.time.Duration.ofSeconds(180))
                    .step("tasklist-approve-form");
            assertThat(coordinator.text(By.cssSelector(".fjs-form"))).contains("Approve and publish the call");
            // claim and complete as Tasklist does it: through the engine doors' allow-list (claim for oneself,
            // submit-form with the form's fields only)
            coordinator.clickWhenReady(By.cssSelector("[ng-click='claim()']"))
                    .clickWhenReady(approve)
                    .clickWhenReady(By.xpath("//button[normalize-space()='Complete']"));
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
            while (engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).as("completed in Tasklist").isZero();
            coordinator.step("tasklist-approved");

            // Cockpit reads through the same doors: the challenge process's instance (diagram, variables, history)
            // loads without a refused request (a 403 would be a console error of the step)
            String instance = challenges.find(id).orElseThrow().processInstanceId();
            coordinator.open("/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime")
                    .waitFor(By.cssSelector(".djs-container"), java.time.Duration.ofSeconds(120));
            Thread.sleep(3000); // the side panels load after the diagram
            coordinator.step("cockpit-instance");
        }
    }

    private UUID publishedChallenge(String title) {
        UUID cycle = cycles.open("Browser cycle", "scifi-2024").id();
        UUID id = challenges.launch(cycle, "city-mechelen", new Challenges.Definition(title,
                "Know where bikes are parked so the city can place racks where they are needed.", "Bike counts (API)",
                new BigDecimal("15000"), "Racks used at 80 %", "nl, fr", 5));
        new ProcessDriver(engine).complete(challenges.find(id).orElseThrow().processInstanceId(),
                ChallengeProcess.USER_TASK_APPROVE_CHALLENGE, Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.APPROVE.wire()));
        return id;
    }

    @Test
    void aWrongPasswordShowsTheLoginFormAgainWithAMessage() {
        try (Browser stranger = new Browser(port, "officer-bruges")) {
            stranger.login("wrong").waitFor(By.cssSelector("[role=alert]")).step("login-error").assertAccessible();
            assertThat(stranger.text(By.cssSelector("[role=alert]"))).contains("the password is wrong");
        }
    }

    /** The checks every walk relies on can fail: an error page (any language) and a console error each fail a step. */
    @Test
    void aStepFailsOnAnErrorPageOrAJavaScriptConsoleError() {
        try (Browser visitor = new Browser(port, "visitor-checks")) {
            visitor.open("/challenges/" + UUID.randomUUID());
            assertThatThrownBy(() -> visitor.step("not-found")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("error page (status 404)");

            visitor.open("/").runScript("console.error('broken script')");
            assertThatThrownBy(() -> visitor.step("console-error")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("JavaScript console errors");
        }
    }
}
