package eu.smartcity.accelerator.privacy.inactivity;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.identity.AccountActivity;
import eu.smartcity.accelerator.identity.JuryPool;
import eu.smartcity.accelerator.identity.People;
import eu.smartcity.accelerator.identity.Roles;
import eu.smartcity.accelerator.notification.NotificationDispatcher;
import eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import eu.smartcity.accelerator.support.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The inactive-accounts job on the real database, engine and mail server (GreenMail), called with a clock the test
 * moves: two years without use bring a warning in the person's language, thirty days more a deactivation (the login is
 * refused), ninety more the erasure — except for a coordinator and a juror in the pool of an open cycle. A login after
 * the warning cancels it. Every other account of the shared test database is kept fresh at each run, so that the job
 * leaves the other tests' users alone.
 */
@AcceleratorTest
class InactiveAccountsTest {

    @RegisterExtension static final TestMailServer MAIL = new TestMailServer();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        MAIL.pointTheAppAt(registry);
    }

    static final String PREFIX = "inactive-";
    static final String PASSWORD = "an inactive password";

    @Autowired InactiveAccounts job;
    @Autowired AccountActivity activity;
    @Autowired People people;
    @Autowired IdentityService identity;
    @Autowired Cycles cycles;
    @Autowired JuryPool juryPool;
    @Autowired NotificationDispatcher dispatcher;
    @Autowired ObjectProvider<PersonalDataHolder> holders;
    @Autowired RunningRoles runningRoles;
    @Autowired Challenges challenges;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    Instant start;

    @BeforeEach
    void clean() {
        forgetTestUsers();
        start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    @AfterEach
    void forgetTestUsers() {
        identity.createUserQuery().list().stream().map(User::getId).filter(id -> id.startsWith(PREFIX)).forEach(identity::deleteUser);
        jdbc.update("DELETE FROM jury_pool_member WHERE user_id LIKE ?", PREFIX + "%");
        jdbc.update("DELETE FROM account_deactivation WHERE user_id LIKE ?", PREFIX + "%");
        jdbc.update("DELETE FROM inactive_account");
        // the other users were made fresh in the future: from the next real run on they count from then
        jdbc.update("DELETE FROM account_activity");
    }

    @Test
    void warnedInTheirLanguageThenDeactivatedThenErasedUnlessCoordinatorOrJurorOfAnOpenCycle() throws Exception {
        String plain = user("plain", "nl");
        String coordinator = user("coordinator", "en");
        identity.createMembership(coordinator, Roles.COORDINATORS);
        String juror = user("juror", "fr");
        identity.createMembership(juror, Roles.JURY);
        UUID cycle = cycles.open("Inactive accounts' cycle", "scifi-2025").id();
        juryPool.add(cycle, juror, Set.of("fr"), List.of("mobility"));

        // a real login through the portal is recorded: the two years count from it
        assertThat(new PortalClient(port).login(plain, PASSWORD).headers().firstValue("Location").orElse(""))
                .doesNotContain("error");
        Instant lastLogin = jdbc.queryForObject("SELECT last_login_at FROM account_activity WHERE user_id = ?",
                OffsetDateTime.class, plain).toInstant();
        assertThat(lastLogin).isBetween(start.minusSeconds(1), Instant.now());
        activity.unusedSince(start); // the others are seen for the first time (counted from now)

        Instant almostTwoYears = start.plus(Duration.ofDays(730)).minusSeconds(60);
        assertThat(run(almostTwoYears)).doesNotContainKey("warned");

        Instant warning = lastLogin.plus(Duration.ofDays(730));
        Map<String, Integer> warned = run(warning);
        assertThat(warned).containsEntry("warned", 3);
        assertThat(jdbc.queryForList("SELECT user_id FROM inactive_account", String.class))
                .containsExactlyInAnyOrder(plain, coordinator, juror);
        sendAllDue(warning.plusSeconds(1));
        MimeMessage mail = mailTo(plain + "@example.org");
        String deactivationDate = LocalDate.ofInstant(warning.plus(Duration.ofDays(30)), ZoneOffset.UTC).toString();
        assertThat(mail.getSubject()).isEqualTo("Uw account wordt gedeactiveerd op " + deactivationDate);
        assertThat(mail.getContent().toString()).contains("Beste Plain", "op " + deactivationDate + " gedeactiveerd",
                LocalDate.ofInstant(warning.plus(Duration.ofDays(120)), ZoneOffset.UTC).toString(), "/login");
        assertThat(mailTo(juror + "@example.org").getSubject()).startsWith("Votre compte sera désactivé le ");

        assertThat(run(warning.plus(Duration.ofDays(29)))).doesNotContainKeys("warned", "deactivated");
        assertThat(people.deactivated(plain)).isFalse();

        Instant deactivation = warning.plus(Duration.ofDays(30));
        assertThat(run(deactivation)).containsEntry("deactivated", 3);
        assertThat(people.deactivated(plain)).isTrue();
        assertThat(people.deactivated(coordinator)).isTrue();
        assertThat(new PortalClient(port).login(plain, PASSWORD).headers().firstValue("Location").orElse(""))
                .as("a deactivated account cannot log in").contains("error");

        assertThat(run(deactivation.plus(Duration.ofDays(89)))).doesNotContainKey("erased");

        int erasuresBefore = jdbc.queryForObject("SELECT COUNT(*) FROM erasure_record WHERE grounds = 'inactive-account'", Integer.class);
        Map<String, Integer> due = run(deactivation.plus(Duration.ofDays(90)));
        assertThat(due).containsEntry("kept-coordinator", 1).containsEntry("kept-jury", 1);
        assertThat(identity.createUserQuery().userId(coordinator).count()).isEqualTo(1);
        assertThat(identity.createUserQuery().userId(juror).count()).isEqualTo(1);
        assertThat(due).containsEntry("erased", 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM erasure_record WHERE grounds = 'inactive-account'", Integer.class))
                .isEqualTo(erasuresBefore + 1);
        assertThat(jdbc.queryForList("SELECT user_id FROM inactive_account", String.class)).doesNotContain(plain);
        assertThat(run(deactivation.plus(Duration.ofDays(91)))).doesNotContainKey("erased");
        if (holders.orderedStream().anyMatch(h -> h.section().equals("identity"))) {
            // identity's holder deletes the account (it comes with the identity module's personal data)
            assertThat(identity.createUserQuery().userId(plain).count()).as("erased everywhere, the account too").isZero();
        }
    }

    @Test
    void aLoginAfterTheWarningCancelsIt() {
        String person = user("returning", "en");
        activity.loggedIn(person, start);
        activity.unusedSince(start);
        Instant warning = start.plus(Duration.ofDays(730));
        assertThat(run(warning)).containsEntry("warned", 1);

        activity.loggedIn(person, warning.plus(Duration.ofDays(10)));
        assertThat(run(warning.plus(Duration.ofDays(11)))).containsEntry("warning-cancelled", 1);
        assertThat(jdbc.queryForList("SELECT user_id FROM inactive_account", String.class)).isEmpty();

        assertThat(run(warning.plus(Duration.ofDays(31)))).doesNotContainKeys("deactivated", "warned");
        assertThat(people.deactivated(person)).isFalse();
        // two years after that login the next warning comes, as a new mail (not taken for the first one)
        assertThat(run(warning.plus(Duration.ofDays(10 + 730)))).containsEntry("warned", 1);
    }

    @Test
    void aLoginWithinTheHourOfTheRecordedOneIsNotWritten() {
        String person = user("frequent", "en");
        activity.loggedIn(person, start);
        activity.loggedIn(person, start.plus(Duration.ofMinutes(59)));
        assertThat(lastLogin(person)).isEqualTo(start);
        activity.loggedIn(person, start.plus(Duration.ofMinutes(61)));
        assertThat(lastLogin(person)).isEqualTo(start.plus(Duration.ofMinutes(61)));
    }

    @Test
    void aCityOfficerIsKeptWhileTheirCityHasAChallengeThatHasNotEnded() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        assertThat(people.addCity("coordinator", "Inactive town " + suffix)).isEmpty();
        String city = people.cities().stream().filter(c -> c.endsWith(suffix)).findFirst().orElseThrow();
        String officer = user("officer", "nl");
        assertThat(people.moveToCity("coordinator", officer, city)).isEmpty();
        String company = "company-inactive-" + suffix;
        String contact = user("contact", "en");
        identity.saveGroup(group(company));
        identity.createMembership(contact, company);
        try {
            assertThat(runningRoles.of(person(officer))).isEmpty();
            assertThat(runningRoles.of(person(contact))).as("a company without applications").isEmpty();
            UUID cycle = cycles.open("Inactive officers' cycle", "scifi-2025").id();
            challenges.launch(cycle, city, new Challenges.Definition("Inactive lights " + suffix, "Light only where people are.",
                    "Street light inventory", new BigDecimal("9500"), "Energy use down 30 %", "nl", 5));
            assertThat(runningRoles.of(person(officer))).contains("city-officer");
        } finally {
            identity.deleteGroup(company);
        }
    }

    People.Person person(String userId) {
        return people.all().stream().filter(p -> p.userId().equals(userId)).findFirst().orElseThrow();
    }

    org.camunda.bpm.engine.identity.Group group(String id) {
        org.camunda.bpm.engine.identity.Group group = identity.newGroup(id);
        group.setName(id);
        group.setType(Roles.ORGANISATION_TYPE);
        return group;
    }

    /** One run at {@code now}, every account but this test's having logged in just then. */
    Map<String, Integer> run(Instant now) {
        activity.unusedSince(now);
        jdbc.update("UPDATE account_activity SET last_login_at = ? WHERE user_id NOT LIKE ?", now.atOffset(ZoneOffset.UTC), PREFIX + "%");
        return job.run(now);
    }

    Instant lastLogin(String userId) {
        return jdbc.queryForObject("SELECT last_login_at FROM account_activity WHERE user_id = ?", OffsetDateTime.class, userId)
                .toInstant();
    }

    String user(String name, String language) {
        String id = PREFIX + name + "-" + UUID.randomUUID().toString().substring(0, 6);
        User user = identity.newUser(id);
        user.setFirstName(Character.toUpperCase(name.charAt(0)) + name.substring(1));
        user.setLastName("Inactive");
        user.setEmail(id + "@example.org");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.setUserInfo(id, "language", language);
        return id;
    }

    /** Other tests leave mails in the shared outbox (their scheduler is off): send batches until none is due. */
    void sendAllDue(Instant now) {
        for (int batch = 0; batch < 100 && dispatcher.sendDue(now) > 0; batch++) {
            // next batch
        }
    }

    MimeMessage mailTo(String address) throws Exception {
        return Arrays.stream(MAIL.smtp().getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(address);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .findFirst().orElseThrow(() -> new AssertionError("no mail to " + address));
    }
}
