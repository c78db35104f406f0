package eu.smartcity.accelerator.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A company registers by e-mail through a real SMTP server (GreenMail): the form answers the same, byte for
 * byte, whether the user name, the e-mail address or the organisation exists; only the mailbox learns which;
 * the link creates the account once, with the password chosen there.
 */
@AcceleratorTest
class RegistrationByMailTest {

    @RegisterExtension static final TestMailServer MAIL = new TestMailServer();
    static final Pattern LINK = Pattern.compile("/register/confirm\\?token=([A-Za-z0-9_-]+)");

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        MAIL.pointTheAppAt(registry);
    }

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    final String unique = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void clean() throws Exception {
        MAIL.smtp().purgeEmailFromAllMailboxes();
        // every request of these tests comes from this machine: the per-address registration limit starts afresh
        jdbc.update("DELETE FROM login_throttle WHERE throttle_key LIKE 'register%'");
    }

    HttpResponse<String> register(PortalClient client, String organisation, String user, String email) {
        return client.postForm("/register", "/register", "organisationName", organisation, "userId", user, "firstName", "Ada",
                "lastName", "Lovelace", "email", email, "legalEntity", "true", "registrationNumber", "BE 0123.456.789");
    }

    @Autowired eu.smartcity.accelerator.identity.Organisations organisations;

    @Test
    void theCompanySaysWhetherItIsALegalEntityAndTheOrganisationKeepsIt() throws Exception {
        PortalClient unanswered = new PortalClient(port);
        HttpResponse<String> missing = unanswered.postForm("/register", "/register", "organisationName", "Solo " + unique,
                "userId", "solo-" + unique, "firstName", "Sol", "lastName", "O", "email", "solo-" + unique + "@example.org");
        assertThat(missing.statusCode()).isEqualTo(200);
        assertThat(missing.body()).contains("id=\"legalEntity-error\"").contains("value=\"Solo " + unique + "\"");

        String user = "solo-" + unique;
        PortalClient solo = new PortalClient(port);
        solo.postForm("/register", "/register", "organisationName", "Solo " + unique, "userId", user, "firstName", "Sol",
                "lastName", "O", "email", user + "@example.org", "legalEntity", "false", "registrationNumber", "");
        Matcher link = LINK.matcher(content(onlyMailTo(user + "@example.org")));
        assertThat(link.find()).isTrue();
        assertThat(organisations.legalEntity("company-solo-" + unique)).isEmpty(); // nothing before the link
        new PortalClient(port).postForm("/register/confirm?token=" + link.group(1), "/register/confirm", "token", link.group(1),
                "password", "correct horse battery", "passwordAgain", "correct horse battery");
        assertThat(organisations.legalEntity("company-solo-" + unique)).contains(false);
    }

    @Test
    void theLinkInTheMailCreatesTheAccountOnceWithThePasswordChosenThere() throws Exception {
        String user = "ada-" + unique;
        String email = user + "@example.org";
        PortalClient ada = new PortalClient(port);
        ada.postForm("/register", "/language", "lang", "fr", "back", "/register");
        HttpResponse<String> sent = register(ada, "Ada Mobility " + unique + " BV", user, email);
        assertThat(sent.headers().firstValue("Location").orElse("")).endsWith("/register?sent");
        assertThat(ada.get("/register?sent").body()).contains("Consultez votre messagerie");
        assertThat(identity.createUserQuery().userId(user).count()).isZero(); // nothing before the link

        MimeMessage mail = onlyMailTo(email);
        assertThat(mail.getSubject()).isEqualTo("Confirmez votre inscription au Smart City Accelerator");
        String body = content(mail);
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as(body).isTrue();
        String confirmPage = "/register/confirm?token=" + link.group(1);

        PortalClient fromTheMail = new PortalClient(port);
        assertThat(fromTheMail.get(confirmPage).body()).contains(user).contains("Ada Mobility " + unique + " BV");
        HttpResponse<String> tooShort = fromTheMail.postForm(confirmPage, "/register/confirm", "token", link.group(1),
                "password", "short", "passwordAgain", "short");
        assertThat(tooShort.body()).contains("id=\"password-error\"").doesNotContain("value=\"short\"");
        assertThat(identity.createUserQuery().userId(user).count()).isZero();

        HttpResponse<String> created = fromTheMail.postForm(confirmPage, "/register/confirm", "token", link.group(1),
                "password", "correct horse battery", "passwordAgain", "correct horse battery");
        assertThat(created.headers().firstValue("Location").orElse("")).endsWith("/login?registered");
        assertThat(identity.createGroupQuery().groupMember(user).list()).extracting(Group::getId)
                .containsExactlyInAnyOrder(Roles.COMPANIES, "company-ada-mobility-" + unique + "-bv");
        assertThat(identity.getUserInfo(user, "language")).isEqualTo("fr");
        assertThat(identity.createUserQuery().userId(user).singleResult().getEmail()).isEqualTo(email);
        assertThat(jdbc.queryForMap("SELECT legal_entity, registration_number FROM organisation_profile WHERE group_id = ?",
                "company-ada-mobility-" + unique + "-bv")).containsValues(true, "BE 0123.456.789");

        PortalClient loggedIn = new PortalClient(port);
        assertThat(loggedIn.login(user, "correct horse battery").headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(loggedIn.get("/applications").statusCode()).isEqualTo(200);

        // the link is used up
        HttpResponse<String> again = new PortalClient(port).postForm("/register", "/register/confirm", "token", link.group(1),
                "password", "another horse battery", "passwordAgain", "another horse battery");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("This link is not valid");
        assertThat(new PortalClient(port).get(confirmPage).body()).contains("This link is not valid");
        assertThat(new PortalClient(port).login(user, "another horse battery").headers().firstValue("Location").orElse(""))
                .endsWith("/login?error");
    }

    @Test
    void theFormAnswersByteForByteTheSameForATakenAndAFreeUserNameAndOnlyTheMailboxLearnsWhich() throws Exception {
        String takenEmail = "taken-" + unique + "@example.org";
        String freeEmail = "free-" + unique + "@example.org";
        String free = "free-" + unique;

        PortalClient first = new PortalClient(port);
        PortalClient second = new PortalClient(port);
        HttpResponse<String> forTaken = register(first, "Taken Test " + unique, "urbansense", takenEmail);
        HttpResponse<String> forFree = register(second, "Free Test " + unique, free, freeEmail);
        assertThat(forTaken.statusCode()).isEqualTo(forFree.statusCode()).isEqualTo(302);
        assertThat(forTaken.headers().firstValue("Location")).isEqualTo(forFree.headers().firstValue("Location"));
        assertThat(forTaken.body()).isEqualTo(forFree.body());
        String takenPage = withoutCsrf(first.get(pathOf(forTaken)));
        String freePage = withoutCsrf(second.get(pathOf(forFree)));
        assertThat(takenPage).isEqualTo(freePage).contains("Check your mail");

        assertThat(content(onlyMailTo(takenEmail))).contains("the user name urbansense that you chose is already taken")
                .doesNotContain("/register/confirm");
        assertThat(content(onlyMailTo(freeEmail))).contains("/register/confirm?token=");

        // an address that already has an account, and an organisation that is registered: the same answer again
        String ownersAddress = identity.createUserQuery().userId("parkflow").singleResult().getEmail();
        HttpResponse<String> forOwnersAddress = register(new PortalClient(port), "Another Test " + unique, "other-" + unique, ownersAddress);
        HttpResponse<String> forTakenOrganisation = register(new PortalClient(port), "GreenGrid", "grid-" + unique,
                "grid-" + unique + "@example.org");
        assertThat(List.of(forOwnersAddress, forTakenOrganisation)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).isEqualTo(forFree.headers().firstValue("Location"));
            assertThat(response.body()).isEqualTo(forFree.body());
        });
        assertThat(content(onlyMailTo(ownersAddress))).contains("its user name is parkflow")
                .doesNotContain("/register/confirm");
        assertThat(content(onlyMailTo("grid-" + unique + "@example.org"))).contains("is already registered");
        assertThat(identity.createUserQuery().userId("other-" + unique).count()).isZero();
        assertThat(identity.createUserQuery().userId("grid-" + unique).count()).isZero();
    }

    @Test
    void aBadFormComesBackWithItsProblemsAndItsInputAndSendsNothing() throws Exception {
        HttpResponse<String> refused = register(new PortalClient(port), "Ada Mobility " + unique + " BV", "Bad User!", "not-an-address");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("value=\"Ada Mobility " + unique + " BV\"").contains("id=\"userId-error\"")
                .contains("id=\"email-error\"").doesNotContain("id=\"firstName-error\"");
        assertThat(MAIL.smtp().getReceivedMessages()).isEmpty();
    }

    @Test
    void oneConnectionCannotFloodMailboxesWithRegistrationMails() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(register(new PortalClient(port), "Flood " + unique, "flood-" + i + "-" + unique, "flood-" + i + "-" + unique + "@example.org")
                    .headers().firstValue("Location").orElse("")).endsWith("/register?sent");
        }
        HttpResponse<String> sixth = register(new PortalClient(port), "Flood " + unique, "flood-6-" + unique, "flood-6-" + unique + "@example.org");
        assertThat(sixth.statusCode()).isEqualTo(200);
        assertThat(sixth.body()).contains("Too many registrations").contains("value=\"flood-6-" + unique + "@example.org\"");
        MAIL.smtp().waitForIncomingEmail(5000, 5);
        assertThat(MAIL.smtp().getReceivedMessages()).hasSize(5);
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

    static String pathOf(HttpResponse<String> redirect) {
        java.net.URI location = java.net.URI.create(redirect.headers().firstValue("Location").orElseThrow());
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }

    static String content(MimeMessage mail) throws Exception {
        return (String) mail.getContent();
    }

    static String withoutCsrf(HttpResponse<String> page) {
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body().replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"\"")
                .replaceAll("value=\"[^\"]*\" name=\"_csrf\"", "value=\"\" name=\"_csrf\"");
    }

}
