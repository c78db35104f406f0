package eu.smartcity.accelerator.identity;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One login for the portal, Tasklist/Cockpit and the REST API, against Camunda's identity tables. */
@AcceleratorTest
class SingleLoginTest {

    @LocalServerPort int port;

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
    void aWrongPasswordMakesEvenTheRightOneWaitBeforeItIsAccepted() {
        PortalClient attacker = new PortalClient(port);
        attacker.login("greengrid", "guess");
        HttpResponse<String> withRightPassword = attacker.login("greengrid", "demo");
        assertThat(withRightPassword.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    }
}
