package eu.smartcity.accelerator.identity;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every user's language is theirs and follows them; the portal's security headers. */
@AcceleratorTest
class RegistrationAndLanguageTest {

    @LocalServerPort int port;
    @Autowired IdentityService identity;

    String unique = UUID.randomUUID().toString().substring(0, 8);

    /** A company user as a confirmed registration leaves it (RegistrationByMailTest covers the registration itself). */
    String registeredCompanyUser() {
        String user = "ada-" + unique;
        String group = "company-ada-mobility-" + unique;
        Group organisation = identity.newGroup(group);
        organisation.setName("Ada Mobility " + unique);
        organisation.setType(Roles.ORGANISATION_TYPE);
        identity.saveGroup(organisation);
        User ada = identity.newUser(user);
        ada.setPassword("correct horse battery");
        ada.setEmail(user + "@example.org");
        identity.saveUser(ada);
        identity.createMembership(user, Roles.COMPANIES);
        identity.createMembership(user, group);
        return user;
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

    /** Issue 19: the account is asked once per session, also when it has no language saved (not on every request). */
    @Test
    void withNoLanguageSavedTheBrowserDecidesAndTheAccountIsAskedOncePerSession() {
        String user = registeredCompanyUser();
        PortalClient session = new PortalClient(port);
        session.login(user, "correct horse battery");
        assertThat(session.get("/applications", "Accept-Language", "nl-BE,nl;q=0.9").body()).contains("lang=\"nl\"");

        identity.setUserInfo(user, "language", "fr"); // behind the session's back: it does not ask again
        assertThat(session.get("/applications", "Accept-Language", "nl-BE,nl;q=0.9").body()).contains("lang=\"nl\"");
        assertThat(session.get("/applications", "Accept-Language", "en").body()).contains("lang=\"en\"");

        PortalClient next = new PortalClient(port);
        next.login(user, "correct horse battery");
        assertThat(next.get("/applications", "Accept-Language", "nl").body()).contains("lang=\"fr\"");
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
