package eu.smartcity.accelerator.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.marketplace.internal.Catalogue;
import eu.smartcity.accelerator.marketplace.internal.Solution;
import eu.smartcity.accelerator.marketplace.internal.SolutionAlerts;
import eu.smartcity.accelerator.marketplace.internal.Solutions;
import eu.smartcity.accelerator.notification.NotificationDispatcher;
import eu.smartcity.accelerator.notification.NotificationKind;
import eu.smartcity.accelerator.notification.NotificationPreferences;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import eu.smartcity.accelerator.workflow.TaskCompletions;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Supplier alerts through the real challenge process: the coordinator approves a challenge, the engine
 * publishes the call, and the suppliers whose catalogue solutions match get one mail each (GreenMail), in
 * their language with the reasons; the prospection page shows each supplier its own matches only.
 *
 * <p>The challenge's budget cap (€ 3,000) is below every demo catalogue price, so only the solutions listed
 * here can reach the alert threshold: UrbanSense's and GreenGrid's (domain 40 + budget 25 + no city data 10
 * + any route 10 = 85), not ParkFlow's (it needs city data the challenge does not offer and is sold only
 * under a framework: 40 + 25 = 65).
 */
@AcceleratorTest
class SupplierAlertTest {

    static final int SMTP_PORT = freePort();
    static GreenMail smtp;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired ProcessEngine engine;
    @Autowired TaskCompletions completions;
    @Autowired RuntimeService runtime;
    @Autowired IdentityService identity;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired Catalogue catalogue;
    @Autowired Solutions solutions;
    @Autowired SolutionAlerts alerts;
    @Autowired NotificationDispatcher dispatcher;
    @Autowired NotificationPreferences preferences;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    final List<UUID> listed = new ArrayList<>();

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void clean() throws Exception {
        jdbc.update("delete from notification");
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void removeWhatThisTestAdded() {
        listed.forEach(id -> jdbc.update("delete from solution_alert where solution_id = ?", id));
        solutions.deleteAllById(listed);
        jdbc.update("delete from notification_opt_out");
        identity.deleteUserInfo("urbansense", "language");
    }

    Solution list(String supplier, String name, boolean needsCityData, String route) {
        Solution solution = catalogue.register(supplier, new Solution.Facts(name, "water", "Acoustic leak sensors on water mains.", 7,
                "subscription", new BigDecimal("2500"), 0, needsCityData, route, null, null, null, "en", null));
        listed.add(solution.id());
        return solution;
    }

    UUID publishedChallenge(String title) {
        Cycles.CycleView cycle = cycles.open("Alert cycle", "scifi-2025");
        UUID challengeId = challenges.launch(cycle.id(), "city-bruges", new Challenges.Definition(title,
                "Water mains lose a fifth of the water before it reaches a tap; find the leaks early.", "",
                new BigDecimal("3000"), "Losses -20 %", "nl, en", 6));
        String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(challengeId.toString())
                .processDefinitionKey(ChallengeProcess.KEY).singleResult().getId();
        new ProcessDriver(engine, completions).complete(pi, ChallengeProcess.USER_TASK_APPROVE_CHALLENGE,
                Map.of(ChallengeProcess.CHALLENGE_DECISION, ChallengeProcess.APPROVE));
        return challengeId;
    }

    List<MimeMessage> alertMails() throws Exception {
        dispatcher.sendDue(Instant.now());
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (NotificationKind.SOLUTION_ALERT.name().equals(m.getHeader("X-Notification-Kind", null))) {
                mails.add(m);
            }
        }
        return mails;
    }

    static List<String> to(List<MimeMessage> mails) throws Exception {
        List<String> to = new ArrayList<>();
        for (MimeMessage m : mails) {
            Arrays.stream(m.getAllRecipients()).forEach(a -> to.add(a.toString()));
        }
        return to;
    }

    @Test
    void aPublishedChallengeAlertsEachMatchingSupplierOnceInItsLanguage() throws Exception {
        identity.setUserInfo("urbansense", "language", "nl");
        list("company-urbansense", "LeakEar sensors", false, "any");
        list("company-urbansense", "LeakEar pro", false, "any");
        list("company-parkflow", "PipeWatch platform", true, "framework");
        list("company-greengrid", "Aquifer listening kit", false, "any");
        // GreenGrid switched supplier alerts off, everything else stays on
        preferences.choose("greengrid", EnumSet.complementOf(EnumSet.of(NotificationKind.SOLUTION_ALERT)));

        UUID challengeId = publishedChallenge("Water leak detection in the old town");

        List<MimeMessage> mails = alertMails();
        assertThat(to(mails)).containsExactly("urbansense@demo.smartcity.local");
        MimeMessage mail = mails.get(0);
        assertThat(mail.getSubject()).isEqualTo("Een nieuwe challenge past bij uw oplossingen: Water leak detection in the old town");
        String body = mail.getContent().toString();
        // one mail for both solutions, each with its reasons in Dutch, a link to the challenge and the opt-out
        assertThat(body).contains("LeakEar sensors (match 85 van 100)", "LeakEar pro (match 85 van 100)",
                "Ze werkt in het domein van de challenge: Water.", "past in het budget van de challenge van € 3.000",
                "Ze heeft geen gegevens van de stad nodig.", "/challenges/" + challengeId, "/account/notifications");
        assertThat(body).doesNotContain("PipeWatch", "Aquifer");

        // every catalogue solution of the domain was evaluated and recorded under the challenge
        Integer recorded = jdbc.queryForObject("select count(*) from decision_evaluation where decision_key = 'solution-matching'"
                + " and subject_type = 'city-need' and subject_id = ?", Integer.class, challengeId.toString());
        assertThat(recorded).isGreaterThanOrEqualTo(4);
        // GreenGrid's match is kept (its prospection page shows it), it only gets no mail
        assertThat(jdbc.queryForList("select supplier_group from solution_alert where challenge_id = ? order by supplier_group",
                String.class, challengeId)).containsExactly("company-greengrid", "company-urbansense", "company-urbansense");

        // the step run again (a retry, or publishing again): no second row, no second mail
        assertThat(alerts.published(challengeId)).isZero();
        jdbc.update("delete from solution_alert where challenge_id = ?", challengeId);
        alerts.published(challengeId); // even without the rows, the outbox's dedup key holds
        assertThat(jdbc.queryForObject("select count(*) from notification where kind = 'SOLUTION_ALERT'", Integer.class)).isEqualTo(1);
        assertThat(alertMails()).hasSize(1);

        // prospection: each supplier sees its own matches only
        PortalClient urbansense = new PortalClient(port);
        urbansense.login("urbansense", "demo");
        String page = urbansense.get("/marketplace/prospection").body();
        assertThat(page).contains("id=\"matches\"", "LeakEar sensors", "LeakEar pro", "85 of 100",
                "It works in the domain of the challenge: Water.", "/challenges/" + challengeId);
        assertThat(page).doesNotContain("Aquifer listening kit", "PipeWatch platform");

        PortalClient parkflow = new PortalClient(port);
        parkflow.login("parkflow", "demo");
        String parkflowPage = parkflow.get("/marketplace/prospection").body();
        assertThat(parkflowPage).doesNotContain("LeakEar", "Aquifer", "PipeWatch");

        PortalClient greengrid = new PortalClient(port);
        greengrid.login("greengrid", "demo");
        String greengridPage = greengrid.get("/marketplace/prospection").body();
        assertThat(greengridPage).contains("Aquifer listening kit").doesNotContain("LeakEar");
    }

    @Test
    void aChallengeWithoutMatchingSolutionsSendsNoMail() throws Exception {
        list("company-parkflow", "PipeWatch platform", true, "framework");

        publishedChallenge("Water leak detection by the harbour");

        assertThat(alertMails()).isEmpty();
    }
}
