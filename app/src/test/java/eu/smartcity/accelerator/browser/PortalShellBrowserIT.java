package eu.smartcity.accelerator.browser;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.support.PostgresTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal shell in a real browser, on PostgreSQL: public pages are accessible, one login opens
 * both the portal and Camunda Tasklist. Grows into the whole cycle as the portal pages land.
 */
@PostgresTest
class PortalShellBrowserIT {

    @LocalServerPort int port;

    @BeforeAll
    static void needsChromium() {
        Browser.assumeInstalled();
    }

    @Test
    void aVisitorSeesAccessiblePublicPages() {
        try (Browser visitor = new Browser(port, "visitor")) {
            visitor.open("/").step("home").assertAccessible();
            visitor.open("/login").step("login").assertAccessible();
        }
    }

    @Test
    void aCityOfficerLogsInOnceForPortalAndTasklist() {
        try (Browser officer = new Browser(port, "officer-mechelen")) {
            officer.login("demo").waitFor(By.cssSelector("header nav form button")).step("logged-in");
            assertThat(officer.text(By.cssSelector("header nav form button"))).contains("officer-mechelen");

            officer.open("/camunda/app/tasklist/default/").waitFor(By.cssSelector(".tasks-list, [cam-tasks], .filters"))
                    .step("tasklist");
            assertThat(officer.currentPath()).startsWith("/camunda/app/tasklist");
        }
    }

    @Test
    void aWrongPasswordShowsTheLoginFormAgainWithAMessage() {
        try (Browser stranger = new Browser(port, "officer-bruges")) {
            stranger.login("wrong").waitFor(By.cssSelector("[role=alert]")).step("login-error").assertAccessible();
            assertThat(stranger.text(By.cssSelector("[role=alert]"))).contains("wrong password");
        }
    }
}
