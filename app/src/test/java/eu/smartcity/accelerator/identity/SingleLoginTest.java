package eu.smartcity.accelerator.identity;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One login for the portal, Tasklist/Cockpit and the REST API, against Camunda's identity tables. */
@AcceleratorTest
class SingleLoginTest {

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    @Test
    void anonymousVisitorIsSentToTheLoginPageForTasklist() {
        HttpResponse<String> response = new PortalClient(port).get("/camunda/app/tasklist/default/");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void coordinatorLoggedIntoThePortalIsKnownToTasklist() {
        PortalClient coordinator = new PortalClient(port);
        assertThat(coordinator.login("coordinator", "demo").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));

        assertThat(coordinator.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        HttpResponse<String> camundaUser = coordinator.get("/camunda/api/admin/auth/user/default");
        assertThat(camundaUser.statusCode()).isEqualTo(200);
        assertThat(camundaUser.body()).contains("\"userId\":\"coordinator\"").contains("tasklist").contains("cockpit");
    }

    @Test
    void cityOfficersWorkInThePortalOnly() {
        PortalClient officer = new PortalClient(port);
        officer.login("officer-mechelen", "demo");
        assertThat(officer.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(403);
        assertThat(officer.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(403);
        assertThat(officer.get("/tasks").statusCode()).isEqualTo(200);
    }

    @Test
    void companyMayNotOpenCamundaWebapps() {
        PortalClient company = new PortalClient(port);
        company.login("urbansense", "demo");
        assertThat(company.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(403);
        assertThat(company.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
    }

    @Test
    void wrongPasswordIsRefused() {
        jdbc.update("DELETE FROM login_throttle WHERE throttle_key = 'account:officer-bruges'"); // earlier runs' failures
        HttpResponse<String> response = new PortalClient(port).login("officer-bruges", "not-the-password");
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    }

    @Test
    void engineRestNeedsCoordinatorOrIntegrationCredentials() {
        PortalClient client = new PortalClient(port);
        assertThat(client.get("/engine-rest/task").statusCode()).isEqualTo(401);
        assertThat(client.getWithBasicAuth("/engine-rest/task", "urbansense", "demo").statusCode()).isEqualTo(403);
        assertThat(client.getWithBasicAuth("/engine-rest/task", "jury-an", "demo").statusCode()).isEqualTo(403);
        assertThat(client.getWithBasicAuth("/engine-rest/task", "coordinator", "demo").statusCode()).isEqualTo(200);
        assertThat(client.getWithBasicAuth("/engine-rest/task", "jury-chloe", "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void engineRestAppliesCamundaAuthorizationsToTheCaller() {
        PortalClient client = new PortalClient(port);
        // Coordinators are Camunda administrators; an integration may read processes, not users' authorizations.
        assertThat(client.getWithBasicAuth("/engine-rest/authorization/count", "coordinator", "demo").body())
                .matches("\\{\"count\":[1-9][0-9]*\\}");
        assertThat(client.getWithBasicAuth("/engine-rest/authorization/count", "integration", "demo").body())
                .isEqualTo("{\"count\":0}");
    }

    @Test
    void theLoginPageAnswersTheSameForAKnownAndAnUnknownUserIdAndAThrottledOneSaysToWaitInTheUsersLanguage() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String known = "juror-" + unique;
        String unknown = "nobody-" + unique;
        User juror = identity.newUser(known);
        juror.setPassword("the right password");
        identity.saveUser(juror);
        try {
            PortalClient first = new PortalClient(port);
            PortalClient second = new PortalClient(port);
            for (int attempt = 1; attempt <= 5; attempt++) {
                HttpResponse<String> forKnown = first.login(known, "guess " + attempt);
                HttpResponse<String> forUnknown = second.login(unknown, "guess " + attempt);
                assertThat(forKnown.statusCode()).isEqualTo(forUnknown.statusCode()).isEqualTo(302);
                assertThat(forKnown.headers().firstValue("Location")).isEqualTo(forUnknown.headers().firstValue("Location"))
                        .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
                assertThat(forKnown.body()).isEqualTo(forUnknown.body());
            }
            // five failures: now even the right password waits (2 s), for the known and the unknown id alike
            HttpResponse<String> throttled = first.login(known, "the right password");
            assertThat(throttled.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?wait"));
            assertThat(second.login(unknown, "the right password").headers().firstValue("Location"))
                    .isEqualTo(throttled.headers().firstValue("Location"));

            String knownPage = withoutCsrf(first.get("/login?error"));
            assertThat(knownPage).isEqualTo(withoutCsrf(second.get("/login?error")))
                    .contains("The user name or the password is wrong.");
            // the page says to wait, in the user's language, and nothing about the account
            assertThat(first.get("/login?wait", "Accept-Language", "nl").body())
                    .contains("Te veel mislukte pogingen voor deze gebruikersnaam of vanaf uw verbinding");
            assertThat(first.get("/login?wait", "Accept-Language", "fr").body()).contains("Trop de tentatives \u00e9chou\u00e9es");
        } finally {
            // the suite logs in from this machine all the time: leave its address as it was
            jdbc.update("DELETE FROM login_throttle WHERE throttle_key IN ('address:127.0.0.1', 'address:0:0:0:0:0:0:0:1')");
        }
    }

    @Test
    void camundasOwnPasswordChecksAreNotThereToGoAroundTheThrottle() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String coordinator = "Basic " + Base64.getEncoder().encodeToString("coordinator:demo".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> verify = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/identity/verify"))
                .header("Authorization", coordinator).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"jury-an\",\"password\":\"guess\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(verify.statusCode()).isEqualTo(404);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/identity/groups?userId=jury-an"))
                .header("Authorization", coordinator).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        PortalClient staff = new PortalClient(port);
        staff.login("coordinator", "demo");
        HttpResponse<String> webappLogin = staff.postWithoutCsrf("/camunda/api/admin/auth/user/default/login/tasklist",
                "username=jury-an&password=guess");
        assertThat(webappLogin.statusCode()).isEqualTo(404);
        // the webapps still know the coordinator from the portal's login
        assertThat(staff.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        assertThat(staff.get("/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"coordinator\"");
    }

    static String withoutCsrf(HttpResponse<String> page) {
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body().replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"\"")
                .replaceAll("value=\"[^\"]*\" name=\"_csrf\"", "value=\"\" name=\"_csrf\"");
    }
}
