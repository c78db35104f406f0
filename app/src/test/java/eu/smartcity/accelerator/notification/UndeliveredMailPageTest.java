package eu.smartcity.accelerator.notification;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.notification.internal.Notification;
import eu.smartcity.accelerator.notification.internal.NotificationRepository;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue #17: the page said "Every mail was delivered" while the log showed SMTP failures, because it listed only
 * mails with a failed attempt in PENDING or FAILED: mails queued behind the first failure (a run stops at its first
 * failure) and mails in the middle of an attempt were not shown. Now every mail not delivered is on the page: failing
 * and retried (attempts, the problem in words, next attempt), given up (with "send again"), and waiting.
 */
@AcceleratorTest
class UndeliveredMailPageTest {

    @LocalServerPort int port;
    @Autowired NotificationRepository notifications;
    @Autowired NotificationDispatcher dispatcher;
    @Autowired PlatformTransactionManager transactions;

    final List<UUID> created = new ArrayList<>();

    @AfterEach
    void removeOurMails() {
        notifications.deleteAllById(created);
    }

    @Test
    void everyMailNotDeliveredIsListedByWhereItStandsWithTheProblemInWords() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // an hour ahead: the app's own sender (due mails only) leaves these alone while the test sets their states
        // (whole milliseconds: the database would round nanoseconds, and a claim at the same instant could miss)
        Instant now = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Notification waiting = mail("waiting-" + tag, now);
        Notification inFirstAttempt = mail("sending-" + tag, now);
        Notification retrying = mail("retrying-" + tag, now);
        Notification givenUp = mail("given-up-" + tag, now);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(s -> {
            // claimed by a sender, no answer yet: the old page did not show it
            notifications.claim(inFirstAttempt.id(), now, now.plus(Duration.ofMinutes(5)));
            assertThat(notifications.claim(retrying.id(), now, now.plus(Duration.ofMinutes(5)))).as("claimed").isEqualTo(1);
            assertThat(notifications.markFailed(retrying.id(), Notification.Status.PENDING, now.plus(Duration.ofMinutes(1)),
                    "Mail server connection failed. Failed messages: org.eclipse.angus.mail.util.MailConnectException: "
                            + "Couldn't connect to host, port: localhost, 1025; timeout 5000")).as("failed").isEqualTo(1);
            notifications.claim(givenUp.id(), now, now.plus(Duration.ofMinutes(5)));
            notifications.markFailed(givenUp.id(), Notification.Status.FAILED, now, "535 5.7.8 Authentication failed");
        });
        NotificationDispatcher.UndeliveredCounts counts = dispatcher.undeliveredCounts();
        assertThat(counts.waiting()).isGreaterThanOrEqualTo(2);
        assertThat(counts.retrying()).isGreaterThanOrEqualTo(1);
        assertThat(counts.givenUp()).isGreaterThanOrEqualTo(1);

        PortalClient coordinator = new PortalClient(port);
        coordinator.login("coordinator", "demo");
        String page = coordinator.speaking("en").get("/coordinator/notifications").body();
        assertThat(page).doesNotContain("Every mail was delivered")
                .contains("Mail is not getting through: " + counts.retrying() + " failing and being retried, " + counts.givenUp()
                        + " given up, " + counts.waiting() + " waiting for a first attempt.")
                .doesNotContain("Couldn't connect").doesNotContain("Couldn&#39;t connect").doesNotContain("MailConnectException")
                .doesNotContain("??");
        String retryingSection = section(page, "retrying");
        assertThat(retryingSection).contains("retrying-" + tag, "1 of 12", "The mail server could not be reached")
                .doesNotContain("given-up-" + tag);
        // the problem said once above the list, with how many mails it hits
        assertThat(retryingSection).containsPattern("data-problems>\\s*<li>The mail server could not be reached[^<]*— [0-9]+ mails?</li>");
        String givenUpSection = section(page, "given-up");
        assertThat(givenUpSection).contains("given-up-" + tag, "The mail server refused our login",
                "/coordinator/notifications/" + givenUp.id() + "/retry").doesNotContain("retrying-" + tag);
        assertThat(section(page, "waiting")).contains("waiting-" + tag, "sending-" + tag);

        assertThat(coordinator.speaking("nl").get("/coordinator/notifications").body()).contains("Mail komt niet door")
                .contains("De mailserver was niet bereikbaar");
        assertThat(coordinator.speaking("fr").get("/coordinator/notifications").body()).contains("Le courriel ne passe pas")
                .contains("Le serveur de courriel était injoignable");

        // sent again by the coordinator: back with the sender, not given up any more
        assertThat(coordinator.postForm("/coordinator/notifications", "/coordinator/notifications/" + givenUp.id() + "/retry", "confirmed", "true")
                .statusCode()).isEqualTo(302);
        assertThat(section(coordinator.speaking("en").get("/coordinator/notifications").body(), "given-up"))
                .doesNotContain("given-up-" + tag);
    }

    Notification mail(String recipient, Instant now) {
        Notification n = notifications.save(new Notification("undelivered-page-" + UUID.randomUUID(), NotificationKind.values()[0],
                recipient, recipient + "@example.org", "en", "Subject", "Body", now));
        created.add(n.id());
        return n;
    }

    /** From the section's heading to the next section. */
    static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("section " + id).isNotNegative();
        int end = html.indexOf("</section>", start);
        return html.substring(start, end);
    }
}
