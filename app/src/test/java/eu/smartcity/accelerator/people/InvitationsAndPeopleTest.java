package eu.smartcity.accelerator.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.identity.Roles;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import eu.smartcity.accelerator.support.TestMailServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 18, point 4 through the portal and a real SMTP server (GreenMail): a coordinator invites, the mail's link
 * creates the account once (in the right groups, the jury member in the cycle's pool); expired, used and revoked
 * links are refused; an existing account takes the role after login; roles, cities and deactivation on the people page.
 */
@AcceleratorTest
class InvitationsAndPeopleTest {

    @RegisterExtension static final TestMailServer MAIL = new TestMailServer();
    static final Pattern LINK = Pattern.compile("/invitation\\?token=([A-Za-z0-9_-]+)");
    /** Users of these tests: deleted after each, so that no other test finds them in the jury group. */
    static final String PREFIX = "zz-people-";
    static final String PASSWORD = "correct horse battery";

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        MAIL.pointTheAppAt(registry);
    }

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;
    @Autowired Cycles cycles;

    final String unique = UUID.randomUUID().toString().substring(0, 8);
    PortalClient coordinator;

    @BeforeEach
    void clean() throws Exception {
        MAIL.smtp().purgeEmailFromAllMailboxes();
        jdbc.update("DELETE FROM login_throttle WHERE throttle_key LIKE 'invitation:%'");
        coordinator = new PortalClient(port);
        assertThat(coordinator.login("coordinator", "demo").headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    @AfterEach
    void deleteTheTestsUsers() {
        identity.createUserQuery().list().stream().map(User::getId).filter(id -> id.startsWith(PREFIX)).forEach(identity::deleteUser);
        jdbc.update("DELETE FROM account_deactivation WHERE user_id LIKE ?", PREFIX + "%");
        jdbc.update("DELETE FROM jury_pool_member WHERE user_id LIKE ?", PREFIX + "%");
        identity.createGroupQuery().list().stream().map(Group::getId).filter(id -> id.startsWith("city-zz-")).forEach(identity::deleteGroup);
    }

    HttpResponse<String> invite(String... fields) {
        return coordinator.postForm("/coordinator/invitations", "/coordinator/invitations", fields);
    }

    String tokenIn(MimeMessage mail) throws Exception {
        Matcher link = LINK.matcher(content(mail));
        assertThat(link.find()).as(content(mail)).isTrue();
        return link.group(1);
    }

    HttpResponse<String> accept(String token, String userId, String password) {
        PortalClient visitor = new PortalClient(port);
        String page = "/invitation?token=" + token;
        // a dead link's page has no form (and a visitor's page no other CSRF token): then the token comes from /login,
        // so the post itself is what gets refused
        boolean hasForm = visitor.get(page).body().contains("name=\"_csrf\"");
        return visitor.postForm(hasForm ? page : "/login", "/invitation", "token", token, "userId", userId,
                "firstName", "Ada", "lastName", "Lovelace", "password", password, "passwordAgain", password);
    }

    List<String> groupsOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }

    @Test
    void aJuryInvitationMailedInFrenchCreatesTheAccountOnceInTheJuryAndTheCyclesPool() throws Exception {
        Cycles.CycleView cycle = cycles.open("Pool cycle " + unique, "scifi-2025");
        String email = "juror-" + unique + "@example.org";
        HttpResponse<String> sent = invite("role", "JURY", "email", email, "language", "fr", "cycleId", cycle.id().toString(),
                "languages", "nl", "languages", "fr", "expertise", "mobility, open data");
        assertThat(sent.headers().firstValue("Location").orElse("")).endsWith("/coordinator/invitations?cycle=" + cycle.id());

        MimeMessage mail = onlyMailTo(email);
        assertThat(mail.getSubject()).isEqualTo("Invitation au jury du Smart City Accelerator");
        assertThat(content(mail)).contains("« Pool cycle " + unique + " »").contains("dans les 14 jours");
        String token = tokenIn(mail);
        // only the token's hash is kept
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invitation WHERE token_sha256 = ? OR email = ? AND token_sha256 IS NULL",
                Long.class, token, email)).isZero();
        assertThat(coordinator.get("/coordinator/invitations?cycle=" + cycle.id()).body()).contains(email).contains("data-status=\"PENDING\"");

        assertThat(new PortalClient(port).get("/invitation?token=" + token).body()).contains(email).contains("name=\"userId\"");
        HttpResponse<String> tooShort = accept(token, PREFIX + "ada", "short");
        assertThat(tooShort.body()).contains("id=\"password-error\"");
        assertThat(identity.createUserQuery().userId(PREFIX + "ada").count()).isZero();

        HttpResponse<String> created = accept(token, PREFIX + "ada", PASSWORD);
        assertThat(created.headers().firstValue("Location").orElse("")).endsWith("/login?registered");
        assertThat(groupsOf(PREFIX + "ada")).containsExactly(Roles.JURY);
        assertThat(identity.getUserInfo(PREFIX + "ada", "language")).isEqualTo("fr");
        assertThat(jdbc.queryForMap("SELECT languages, expertise FROM jury_pool_member WHERE cycle_id = ? AND user_id = ?",
                cycle.id(), PREFIX + "ada")).containsValues("fr,nl", "mobility,open data");

        PortalClient juror = new PortalClient(port);
        assertThat(juror.login(PREFIX + "ada", PASSWORD).headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(juror.get("/tasks").statusCode()).isEqualTo(200);
        assertThat(juror.get("/coordinator/invitations").statusCode()).isEqualTo(403);

        // used up
        assertThat(accept(token, PREFIX + "eve", PASSWORD).body()).contains("This invitation link is not valid");
        assertThat(identity.createUserQuery().userId(PREFIX + "eve").count()).isZero();
        assertThat(coordinator.get("/coordinator/invitations?cycle=" + cycle.id()).body())
                .contains("data-status=\"ACCEPTED\"").contains(PREFIX + "ada");
    }

    @Test
    void expiredAndRevokedLinksAreRefusedAndSendingAgainReplacesTheLink() throws Exception {
        String email = "officer-" + unique + "@example.org";
        invite("role", "CITY_OFFICER", "email", email, "language", "nl", "cityGroup", "city-bruges");
        MimeMessage first = onlyMailTo(email);
        assertThat(first.getSubject()).isEqualTo("Uitnodiging voor de Smart City Accelerator als stadsmedewerker");
        String token = tokenIn(first);
        UUID id = jdbc.queryForObject("SELECT id FROM invitation WHERE email = ?", UUID.class, email);

        jdbc.update("UPDATE invitation SET expires_at = expires_at - INTERVAL '15' DAY WHERE id = ?", id);
        assertThat(new PortalClient(port).get("/invitation?token=" + token).body()).contains("This invitation link is not valid");
        assertThat(accept(token, PREFIX + "late", PASSWORD).body()).contains("This invitation link is not valid");
        assertThat(coordinator.get("/coordinator/invitations").body()).contains("data-status=\"EXPIRED\"");

        MAIL.smtp().purgeEmailFromAllMailboxes();
        coordinator.postForm("/coordinator/invitations", "/coordinator/invitations/" + id + "/resend");
        String renewed = tokenIn(onlyMailTo(email));
        assertThat(renewed).isNotEqualTo(token);
        assertThat(new PortalClient(port).get("/invitation?token=" + renewed).body()).contains("name=\"userId\"");

        coordinator.postForm("/coordinator/invitations", "/coordinator/invitations/" + id + "/revoke");
        assertThat(accept(renewed, PREFIX + "revoked", PASSWORD).body()).contains("This invitation link is not valid");
        assertThat(identity.createUserQuery().userId(PREFIX + "revoked").count()).isZero();
        MAIL.smtp().purgeEmailFromAllMailboxes();
        coordinator.postForm("/coordinator/invitations", "/coordinator/invitations/" + id + "/resend");
        assertThat(MAIL.smtp().getReceivedMessages()).isEmpty(); // a revoked invitation is not sent again
        assertThat(jdbc.queryForObject("SELECT revoked_at IS NOT NULL FROM invitation WHERE id = ?", Boolean.class, id)).isTrue();

        // dead links count against the client address, as registration requests do
        assertThat(accept(renewed, PREFIX + "guess", PASSWORD).body()).contains("Too many invitation links that are not valid");
        jdbc.update("DELETE FROM login_throttle WHERE throttle_key LIKE 'invitation:%'");

        // a fresh invitation makes a city officer of Bruges
        invite("role", "CITY_OFFICER", "email", email, "language", "nl", "cityGroup", "city-bruges");
        accept(tokenIn(onlyMailTo(email)), PREFIX + "bruges", PASSWORD);
        assertThat(groupsOf(PREFIX + "bruges")).containsExactlyInAnyOrder(Roles.CITY_OFFICERS, "city-bruges");
        PortalClient officer = new PortalClient(port);
        officer.login(PREFIX + "bruges", PASSWORD);
        assertThat(officer.get("/city/challenges").statusCode()).isEqualTo(200);
    }

    @Test
    void anInvitationIsCheckedOnTheCoordinatorsFormAndNothingIsSentWhenItIsWrong() throws Exception {
        HttpResponse<String> wrong = invite("role", "JURY", "email", "not-an-address", "language", "en");
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("id=\"email-error\"").contains("id=\"cycleId-error\"").contains("id=\"languages-error\"");
        HttpResponse<String> noCity = invite("role", "CITY_OFFICER", "email", "x-" + unique + "@example.org", "cityGroup", "company-parkflow");
        assertThat(noCity.body()).contains("id=\"cityGroup-error\"");
        assertThat(MAIL.smtp().getReceivedMessages()).isEmpty();
    }

    @Test
    void someoneWithAnAccountLogsInToTakeTheRole() throws Exception {
        String email = "has-account-" + unique + "@example.org";
        User user = identity.newUser(PREFIX + "has");
        user.setEmail(email);
        user.setFirstName("Has");
        user.setLastName("Account");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        Cycles.CycleView cycle = cycles.open("Join cycle " + unique, "scifi-2025");
        invite("role", "JURY", "email", email, "language", "en", "cycleId", cycle.id().toString(), "languages", "en", "expertise", "");
        String token = tokenIn(onlyMailTo(email));

        assertThat(new PortalClient(port).get("/invitation?token=" + token).body()).contains("already has an account (" + PREFIX + "has)");
        assertThat(accept(token, PREFIX + "second", PASSWORD).body()).contains("log in with it to accept");
        assertThat(new PortalClient(port).get("/invitation/join?token=" + token).headers().firstValue("Location").orElse("")).contains("/login");

        // another account cannot take it
        HttpResponse<String> other = coordinator.postForm("/invitation/join?token=" + token, "/invitation/join", "token", token);
        assertThat(other.body()).contains("This invitation is for the account with the invited e-mail address");

        PortalClient owner = new PortalClient(port);
        owner.login(PREFIX + "has", PASSWORD);
        assertThat(owner.get("/invitation/join?token=" + token).body()).contains("Accept the role on my account");
        HttpResponse<String> joined = owner.postForm("/invitation/join?token=" + token, "/invitation/join", "token", token);
        assertThat(joined.headers().firstValue("Location").orElse("")).endsWith("/login?joined");
        assertThat(groupsOf(PREFIX + "has")).containsExactly(Roles.JURY);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jury_pool_member WHERE cycle_id = ? AND user_id = ?", Long.class,
                cycle.id(), PREFIX + "has")).isOne();
    }

    @Test
    void coordinatorsManageRolesCitiesAndAccountsButKeepTheirOwnRole() {
        IdentityServiceUsers.create(identity, PREFIX + "dora", PASSWORD, List.of(Roles.CITY_OFFICERS, "city-delft"));
        String people = "/coordinator/people";
        String page = coordinator.get(people).body();
        assertThat(page).contains(PREFIX + "dora").contains("What each role may do");

        coordinator.postForm(people, people + "/" + PREFIX + "dora/roles", "role", Roles.JURY, "action", "add");
        assertThat(groupsOf(PREFIX + "dora")).contains(Roles.JURY);
        coordinator.postForm(people, people + "/" + PREFIX + "dora/roles", "role", Roles.JURY, "action", "remove");
        assertThat(groupsOf(PREFIX + "dora")).doesNotContain(Roles.JURY);

        coordinator.postForm(people, people + "/" + PREFIX + "dora/city", "cityGroup", "city-mechelen");
        assertThat(groupsOf(PREFIX + "dora")).containsExactlyInAnyOrder(Roles.CITY_OFFICERS, "city-mechelen");

        HttpResponse<String> own = coordinator.postForm(people, people + "/coordinator/roles", "role", Roles.COORDINATORS, "action", "remove");
        assertThat(coordinator.get(own.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")).body())
                .contains("You cannot take away your own coordinator role");
        assertThat(groupsOf("coordinator")).contains(Roles.COORDINATORS);

        coordinator.postForm(people, people + "/" + PREFIX + "dora/active", "active", "false");
        assertThat(new PortalClient(port).login(PREFIX + "dora", PASSWORD).headers().firstValue("Location").orElse("")).endsWith("/login?error");
        assertThat(coordinator.get(people).body()).contains("deactivated: cannot log in");
        coordinator.postForm(people, people + "/" + PREFIX + "dora/active", "active", "true");
        assertThat(new PortalClient(port).login(PREFIX + "dora", PASSWORD).headers().firstValue("Location").orElse("")).doesNotContain("error");

        // a new city, then its first officer
        String city = "Zz Ville " + unique;
        coordinator.postForm(people, people + "/cities", "name", city);
        assertThat(identity.createGroupQuery().groupId("city-zz-ville-" + unique).singleResult().getName()).isEqualTo(city);
        HttpResponse<String> twice = coordinator.postForm(people, people + "/cities", "name", city);
        assertThat(coordinator.get(twice.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")).body())
                .contains("This city is already registered");
        coordinator.postForm(people, people + "/" + PREFIX + "dora/city", "cityGroup", "city-zz-ville-" + unique);
        assertThat(groupsOf(PREFIX + "dora")).containsExactlyInAnyOrder(Roles.CITY_OFFICERS, "city-zz-ville-" + unique);

        PortalClient officer = new PortalClient(port);
        officer.login("officer-mechelen", "demo");
        assertThat(officer.postForm("/city/challenges", people + "/" + PREFIX + "dora/roles", "role", Roles.COORDINATORS).statusCode())
                .isEqualTo(403);
        assertThat(groupsOf(PREFIX + "dora")).doesNotContain(Roles.COORDINATORS);
    }

    /** A user made directly in the identity store (as Camunda Admin would). */
    static final class IdentityServiceUsers {
        static void create(IdentityService identity, String id, String password, List<String> groups) {
            User user = identity.newUser(id);
            user.setFirstName("Dora");
            user.setLastName("Test");
            user.setEmail(id + "@example.org");
            user.setPassword(password);
            identity.saveUser(user);
            groups.forEach(g -> identity.createMembership(id, g));
        }
    }

    MimeMessage onlyMailTo(String address) throws Exception {
        MAIL.smtp().waitForIncomingEmail(5000, 1);
        List<MimeMessage> mails = Arrays.stream(MAIL.smtp().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(r -> r.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(mails).as("mails to " + address).hasSize(1);
        return mails.get(0);
    }

    static String content(MimeMessage mail) throws Exception {
        return (String) mail.getContent();
    }

}
