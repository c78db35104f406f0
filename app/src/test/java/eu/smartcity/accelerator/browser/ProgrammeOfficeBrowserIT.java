package eu.smartcity.accelerator.browser;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.cycle.BylawsVersions;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.support.PostgresTest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The programme office in a real browser, on PostgreSQL: the coordinator drafts a new bylaws version from the
 * latest published one, changes a field (a wrong value first comes back next to its field), sees the
 * difference, publishes it (confirming), opens a cycle under it, and a city officer finds that cycle, with
 * its bylaws version, in the challenge form. Each page is saved at 1366 and 390 px under
 * app/target/browser-screenshots/programme-office/, and must not scroll sideways on the phone.
 */
@PostgresTest
@RequiresChromium
class ProgrammeOfficeBrowserIT {

    static final Path SCREENSHOTS = Browser.SCREENSHOTS.resolve("programme-office");
    private static final By PUBLISH = By.cssSelector("section[aria-labelledby=publish] form button[type=submit]");
    private static final By CONFIRM = By.cssSelector("form[data-confirmation] button[name=confirmed]");

    @LocalServerPort int port;
    @Autowired BylawsVersions versions;
    @Autowired Cycles cycles;

    private final Map<String, Browser> browsers = new LinkedHashMap<>();
    private final AtomicInteger screenshots = new AtomicInteger();

    @AfterEach
    void closeBrowsers() {
        browsers.values().forEach(Browser::close);
        browsers.clear();
    }

    @Test
    void aCoordinatorOpensACycleUnderANewBylawsVersion() {
        String version = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        String cycleName = "Cycle under " + version;
        String latest = versions.latestPublished().orElseThrow().version();
        String fit = versions.fields(latest).get("scoringWeights.fit");
        // a cap the latest version does not have (earlier runs publish versions on the same database)
        String cap = new java.math.BigDecimal(versions.fields(latest).get("caps.budgetPerPilot")).add(java.math.BigDecimal.valueOf(1111))
                .stripTrailingZeros().toPlainString();

        Browser coordinator = as("coordinator");
        coordinator.open("/coordinator/cycles").waitFor(By.id("all-cycles"));
        both(coordinator, "cycles");
        coordinator.open("/coordinator/bylaws").waitFor(By.id("version"));
        both(coordinator, "bylaws-versions");
        coordinator.type("version", version).submit().waitFor(By.id("caps_budgetPerPilot"));
        assertThat(coordinator.currentPath()).isEqualTo("/coordinator/bylaws/" + version);
        both(coordinator, "draft");

        // a wrong value comes back next to its field, the input kept
        coordinator.type("scoringWeights_fit", "0.9").submit().waitFor(By.id("scoringWeights-error"));
        both(coordinator, "draft-error");
        assertThat(coordinator.value("scoringWeights_fit")).isEqualTo("0.9");
        coordinator.type("scoringWeights_fit", fit).type("caps_budgetPerPilot", cap).submit()
                .waitFor(By.cssSelector("[data-rule-changes] [data-key='caps.budgetPerPilot']"));
        assertThat(coordinator.text(By.cssSelector("[data-key='caps.budgetPerPilot']"))).contains(cap);
        both(coordinator, "differences");

        coordinator.click(PUBLISH).waitFor(CONFIRM);
        both(coordinator, "publish-confirm");
        coordinator.click(CONFIRM).waitFor(By.cssSelector("main [role=status]"));
        assertThat(versions.find(version).orElseThrow().published()).isTrue();
        both(coordinator, "published");

        coordinator.open("/coordinator/cycles").waitFor(By.id("name"));
        coordinator.type("name", cycleName).select("bylawsVersion", version).submit().waitFor(By.cssSelector("main [role=status]"));
        assertThat(coordinator.mainText()).contains(cycleName);
        both(coordinator, "cycle-opened");
        Cycles.CycleView cycle = cycles.all().stream().filter(c -> c.name().equals(cycleName)).findFirst().orElseThrow();
        assertThat(cycle.bylawsVersion()).isEqualTo(version);
        assertThat(cycles.bylawsOf(cycle.id()).budgetPerPilot()).isEqualByComparingTo(cap);

        Browser officer = as("officer-delft");
        officer.open("/city/challenges/new").waitFor(By.id("cycleId"));
        assertThat(officer.text(By.cssSelector("#cycleId option[value='" + cycle.id() + "']"))).contains(cycleName).contains(version);
        officer.select("cycleId", cycle.id().toString());
        both(officer, "city-chooses-the-cycle");
    }

    /** Saves the page at 1366 and at 390 px; on the phone, nothing may stick out sideways. */
    private static void both(Browser browser, String name) {
        browser.viewport(1366).step(name + "-1366").assertAccessible();
        browser.viewport(390);
        Object widths = browser.runScript("const r = document.documentElement; return [r.scrollWidth, r.clientWidth];");
        List<?> w = (List<?>) widths;
        assertThat(((Number) w.get(0)).longValue()).as("no sideways scroll at 390 px on %s", name)
                .isLessThanOrEqualTo(((Number) w.get(1)).longValue());
        browser.step(name + "-390");
        browser.viewport(1366);
    }

    private Browser as(String user) {
        return browsers.computeIfAbsent(user, u -> {
            Browser browser = new Browser(port, u, SCREENSHOTS, screenshots::incrementAndGet);
            browser.login("demo").waitFor(Browser.LOGOUT);
            return browser;
        });
    }
}
