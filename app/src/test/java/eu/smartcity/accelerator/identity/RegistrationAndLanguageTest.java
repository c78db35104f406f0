package eu.smartcity.accelerator.identity;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A company registers itself; every user's language is theirs and follows them; the portal's security headers. */
@AcceleratorTest
class RegistrationAndLanguageTest {

    @LocalServerPort int port;
    @Autowired IdentityService identity;

    String unique = UUID.randomUUID().toString().substring(0, 8);

    HttpResponse<String> register(PortalClient client, String organisation, String user, String password, String again) {
        return client.postForm("/register", "/register", "organisationName", organisation, "userId", user, "firstName", "Ada",
                "lastName", "Lovelace", "email", user + "@example.org", "password", password, "passwordAgain", again);
    }

    String registeredCompanyUser() {
        String user = "ada-" + unique;
        assertThat(register(new PortalClient(port), "Ada Mobility " + unique + " BV", user, "correct horse battery", "correct horse battery")
                .headers().firstValue("Location").orElse("")).endsWith("/login?registered");
        return user;
    }

    @Test
    void aCompanyRegistersItselfAndItsFirstUserThenApplies() {
        PortalClient visitor = new PortalClient(port);
        HttpResponse<String> refused = register(visitor, "Ada Mobility " + unique + " BV", "Bad User!", "short", "short");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("value=\"Ada Mobility " + unique + " BV\"").contains("id=\"userId-error\"")
                .contains("id=\"password-error\"").doesNotContain("value=\"short\"");
        assertThat(identity.createGroupQuery().groupId("company-ada-mobility-" + unique + "-bv").count()).isZero();

        String user = registeredCompanyUser();
        assertThat(identity.createGroupQuery().groupMember(user).list()).extracting(g -> g.getId())
                .containsExactlyInAnyOrder(Roles.COMPANIES, "company-ada-mobility-" + unique + "-bv");
        PortalClient ada = new PortalClient(port);
        assertThat(ada.login(user, "correct horse battery").headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(ada.get("/applications").statusCode()).isEqualTo(200);
        assertThat(ada.get("/city/challenges").statusCode()).isEqualTo(403);

        HttpResponse<String> again = register(new PortalClient(port), "Ada Mobility " + unique + " BV", "other-" + unique,
                "correct horse battery", "correct horse battery");
        assertThat(again.body()).contains("id=\"organisationName-error\"").contains("already registered");
    }

    @Test
    void aUsersLanguageIsSavedWithTheAccountAndFollowsThemToANewSession() {
        PortalClient dutchBrowser = new PortalClient(port);
        assertThat(dutchBrowser.get("/challenges", "Accept-Language", "nl-BE,nl;q=0.9").body()).contains("lang=\"nl\"");

        String user = registeredCompanyUser();
        PortalClient first = new PortalClient(port);
        first.login(user, "correct horse battery");
        assertThat(first.get("/applications").body()).contains("lang=\"en\"");
        HttpResponse<String> switched = first.postForm("/applications", "/language", "lang", "fr", "back", "/applications");
        assertThat(switched.headers().firstValue("Location").orElse("")).endsWith("/applications");
        assertThat(first.get("/applications").body()).contains("lang=\"fr\"").contains("Mes candidatures");
        assertThat(identity.getUserInfo(user, "language")).isEqualTo("fr");

        PortalClient elsewhere = new PortalClient(port);
        elsewhere.login(user, "correct horse battery");
        assertThat(elsewhere.get("/applications", "Accept-Language", "en").body()).contains("lang=\"fr\"");

        // the way back is a path of ours only, and an unknown language is refused
        assertThat(first.postForm("/applications", "/language", "lang", "nl", "back", "//evil.example/x")
                .headers().firstValue("Location").orElse("")).doesNotContain("evil");
        assertThat(first.postForm("/applications", "/language", "lang", "xx").statusCode()).isEqualTo(400);
    }

    @Test
    void portalPagesCarryAContentSecurityPolicyThatCamundasWebappsDoNotGetOnTopOfTheirOwn() {
        PortalClient visitor = new PortalClient(port);
        HttpResponse<String> home = visitor.get("/");
        assertThat(home.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'self'").contains("script-src 'self'").contains("object-src 'none'");
        assertThat(home.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(home.headers().firstValue("Permissions-Policy").orElse("")).contains("camera=()");
        PortalClient coordinator = new PortalClient(port);
        coordinator.login("coordinator", "demo");
        HttpResponse<String> tasklist = coordinator.get("/camunda/app/tasklist/default/");
        assertThat(tasklist.headers().allValues("Content-Security-Policy"))
                .noneMatch(policy -> policy.contains("frame-ancestors 'self'") && policy.startsWith("default-src 'self'; script-src 'self';"));
    }
}
