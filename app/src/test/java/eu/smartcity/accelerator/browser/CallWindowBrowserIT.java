package eu.smartcity.accelerator.browser;

import static eu.smartcity.accelerator.challenge.ChallengeProcess.CYCLE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.challenge.CallDates;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.shared.UserMessages;
import eu.smartcity.accelerator.support.PostgresTest;
import eu.smartcity.accelerator.workflow.TaskCompletions;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A call with a fixed deadline, in a real browser on PostgreSQL: the city officer proposes a closing date in the
 * challenge form, the coordinator finds it in the approval task and approves, the public page shows that date, and
 * the coordinator extends the call (reason, confirmation) — the public page then shows the new date and the
 * history. Screenshots at 1366 and 390 px under app/target/browser-screenshots/call-window/; at 390 px no page
 * scrolls sideways.
 *
 * <p>Dates go into the datetime-local fields by script: how Chromium's date picker takes typed keys depends on the
 * browser's locale, and the value a user's picker produces is this very string.
 */
@PostgresTest
@RequiresChromium
class CallWindowBrowserIT {

    static final Path SCREENSHOTS = Browser.SCREENSHOTS.resolve("call-window");
    static final int PHONE = 390;
    static final int DESKTOP = 1366;
    static final String OFFICER = "officer-delft";
    static final String COORDINATOR = "coordinator";
    static final String VISITOR = "visitor";

    @LocalServerPort int port;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired ProcessEngine engine;
    @Autowired TaskCompletions completions;

    private final Map<String, Browser> browsers = new LinkedHashMap<>();
    private final AtomicInteger screenshots = new AtomicInteger();

    @AfterEach
    void closeBrowsers() {
        browsers.values().forEach(Browser::close);
        browsers.clear();
    }

    @Test
    void aCityProposesAFixedDeadlineTheCoordinatorApprovesAndExtendsIt() {
        ProcessDriver driver = new ProcessDriver(engine, completions);
        UUID cycleId = cycles.open("Window walk " + UUID.randomUUID().toString().substring(0, 8), "scifi-2025").id();
        String title = "Fixed deadline " + UUID.randomUUID().toString().substring(0, 8);
        Instant closes = at(LocalDate.now().plusDays(40));
        Instant extended = at(LocalDate.now().plusDays(60));

        // the city officer proposes the closing date
        Browser officer = as(OFFICER);
        officer.open("/city/challenges/new").waitFor(By.id(ChallengeProcess.CALL_CLOSES_AT.name()));
        both(officer, "define-form");
        officer.select(CYCLE_ID.name(), cycleId.toString())
                .type("f-title", title)
                .type("f-problem", "Deliveries block bus lanes; plan loading slots with the city's open traffic data.")
                .type("f-openDatasets", "Loading zones (CSV)")
                .type("f-budgetCap", "9000")
                .type("f-kpis", "Blocked bus lanes per week below 5")
                .type("f-languages", "nl, en")
                .type("f-minTrl", "6");
        setDate(officer, ChallengeProcess.CALL_CLOSES_AT.name(), CallDates.local(closes));
        officer.submit().waitFor(By.cssSelector("main [role=status]")).step("defined");
        Challenges.ChallengeView challenge = challenges.ofCity("city-delft").stream().filter(c -> c.title().equals(title))
                .findFirst().orElseThrow();
        assertThat(challenges.proposedWindow(challenge.id()).closesAt()).isEqualTo(closes);

        // the coordinator approves in the portal's task page, where the proposal stands in the date fields
        String taskId = driver.task(challenge.processInstanceId(), ChallengeProcess.USER_TASK_APPROVE_CHALLENGE).getId();
        Browser coordinator = as(COORDINATOR);
        coordinator.open("/tasks/" + taskId).waitFor(By.id("f-callClosesAt"));
        assertThat(coordinator.value("f-callClosesAt")).isEqualTo(CallDates.local(closes));
        assertThat(coordinator.present(By.cssSelector("[data-call-window-bounds]"))).isTrue();
        both(coordinator, "approval-task");
        coordinator.check("f-challengeDecision-0").submit().waitFor(By.cssSelector("main h1")).step("approved");
        driver.runAsyncJobs(challenge.processInstanceId());
        assertThat(challenges.find(challenge.id()).orElseThrow().callClosesAt()).isEqualTo(closes);

        // the public page shows that date
        String page = "/challenges/" + challenge.id();
        Browser visitor = visitor();
        visitor.open(page).waitFor(By.cssSelector("[data-call-closes]"));
        assertThat(visitor.text(By.cssSelector("[data-call-closes]"))).contains(day(closes));
        assertThat(visitor.present(By.cssSelector("[data-extend-call]"))).as("no actions for the public").isFalse();
        both(visitor, "public-page");

        // the coordinator extends it: reason, new date, a confirmation step
        coordinator.open(page).waitFor(By.cssSelector("[data-extend-call]"));
        both(coordinator, "challenge-with-actions");
        setDate(coordinator, "newClosesAt", CallDates.local(extended));
        coordinator.type("reason", "The open traffic data portal was down for a week.")
                .click(By.cssSelector("[data-extend-call] button[type=submit]"))
                .waitFor(By.cssSelector("[data-confirmation]"));
        both(coordinator, "extend-confirm");
        coordinator.click(By.cssSelector("[data-confirmation] button[name=confirmed]"))
                .waitFor(By.cssSelector("#call-window [role=status]")).step("extended");
        assertThat(challenges.find(challenge.id()).orElseThrow().callClosesAt()).isEqualTo(extended);

        visitor.open(page).waitFor(By.cssSelector("[data-window-changes]"));
        assertThat(visitor.text(By.cssSelector("[data-call-closes]"))).contains(day(extended));
        assertThat(visitor.text(By.cssSelector("[data-window-changes]"))).contains("The open traffic data portal was down");
        both(visitor, "public-page-extended");
    }

    /** 17:00 in Brussels on that day (as a city would set a deadline). */
    static Instant at(LocalDate day) {
        return day.atTime(LocalTime.of(17, 0)).atZone(UserMessages.PROGRAMME_ZONE).toInstant();
    }

    /** The day as the English page prints it (the time's format varies with the JDK's locale data). */
    static String day(Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.ENGLISH)
                .withZone(UserMessages.PROGRAMME_ZONE).format(instant);
    }

    private static void setDate(Browser browser, String fieldId, String value) {
        browser.runScript("const f = document.getElementById(arguments[0]); f.value = arguments[1];"
                + " f.dispatchEvent(new Event('input', {bubbles: true})); f.dispatchEvent(new Event('change', {bubbles: true}));",
                fieldId, value);
        assertThat(browser.value(fieldId)).isEqualTo(value);
    }

    /** The page at 1366 px, then at 390 px (no sideways scrolling), checked and saved; back to 1366 after. */
    private static void both(Browser browser, String name) {
        browser.viewport(DESKTOP).step(name + "-1366").assertAccessible();
        browser.viewport(PHONE);
        List<?> widths = (List<?>) browser.runScript(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];");
        assertThat(((Number) widths.get(0)).longValue()).as("%s at %d px scrolls sideways", name, PHONE)
                .isLessThanOrEqualTo(((Number) widths.get(1)).longValue());
        browser.step(name + "-390");
        browser.viewport(DESKTOP);
    }

    private Browser as(String user) {
        return browsers.computeIfAbsent(user, u -> {
            Browser browser = new Browser(port, u, SCREENSHOTS, screenshots::incrementAndGet);
            browser.login("demo").waitFor(Browser.LOGOUT);
            return browser;
        });
    }

    private Browser visitor() {
        return browsers.computeIfAbsent(VISITOR, u -> new Browser(port, u, SCREENSHOTS, screenshots::incrementAndGet));
    }
}
