package eu.smartcity.accelerator.notification;

import eu.smartcity.accelerator.notification.internal.Mailer;
import eu.smartcity.accelerator.notification.internal.Notification;
import eu.smartcity.accelerator.notification.internal.NotificationRepository;
import eu.smartcity.accelerator.shared.personaldata.RetentionClass;
import eu.smartcity.accelerator.shared.personaldata.RetentionPeriods;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The asynchronous sending step, separate from every business transaction. For each due notification:
 * claim it (a conditional update that only one node or thread can win), send it, mark it sent. A failed
 * send leaves it pending with a growing delay (1 min, 5 min, 15 min, 1 h, then every 6 h) up to
 * {@code accelerator.notifications.max-attempts}, then FAILED (logged as an error); a run stops at its first
 * failure (the server is likely down), so an outage costs one timeout per run, not one per mail. A sent notification is
 * never claimed again, so a retry never sends twice; only a node that dies between handing a mail to the
 * SMTP server and marking it sent can cause a second copy after its lease, with the same Message-ID.
 */
@Component
public class NotificationDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final List<Duration> BACK_OFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(6));
    private static final int BATCH = 50;

    private final NotificationRepository notifications;
    private final Mailer mailer;
    private final TransactionTemplate tx;
    private final int maxAttempts;
    private final Duration lease;
    private final Duration keepSent;

    NotificationDispatcher(NotificationRepository notifications, Mailer mailer, PlatformTransactionManager transactionManager,
            @Value("${accelerator.notifications.max-attempts:12}") int maxAttempts,
            @Value("${accelerator.notifications.lease:PT5M}") Duration lease,
            // sent mails are working data: the PERSONAL_OPERATIONAL period unless set apart
            @Value("${accelerator.notifications.keep-sent:#{null}}") Duration keepSent, RetentionPeriods periods) {
        this.notifications = notifications;
        this.mailer = mailer;
        this.tx = new TransactionTemplate(transactionManager);
        this.maxAttempts = maxAttempts;
        this.lease = lease;
        this.keepSent = keepSent != null ? keepSent : periods.of(RetentionClass.PERSONAL_OPERATIONAL).orElseThrow();
    }

    /** Sends what is due at {@code now}; returns how many mails were handed to the SMTP server. */
    public int sendDue(Instant now) {
        List<UUID> due = tx.execute(s -> notifications.findDue(now, PageRequest.of(0, BATCH)));
        int sent = 0;
        for (UUID id : due) {
            Outcome outcome = sendOne(id, now);
            if (outcome == Outcome.SENT) {
                sent++;
            } else if (outcome == Outcome.FAILED) {
                // the server is probably down: stop here rather than wait for a timeout per mail; the
                // rest stays due and is tried on the next run
                break;
            }
        }
        return sent;
    }

    private enum Outcome { SENT, SKIPPED, FAILED }

    private Outcome sendOne(UUID id, Instant now) {
        Notification claimed = tx.execute(s -> notifications.claim(id, now, now.plus(lease)) == 1
                ? notifications.findById(id).orElse(null) : null);
        if (claimed == null) {
            return Outcome.SKIPPED; // another node or thread has it, or it was sent meanwhile
        }
        try {
            mailer.send(claimed);
        } catch (RuntimeException e) { // MailException and anything unexpected: retry later
            int attempt = claimed.attempts();
            boolean giveUp = attempt >= maxAttempts;
            Instant next = now.plus(BACK_OFF.get(Math.min(attempt, BACK_OFF.size()) - 1));
            String error = String.valueOf(e.getMessage());
            tx.executeWithoutResult(s -> notifications.markFailed(id, giveUp ? Notification.Status.FAILED : Notification.Status.PENDING,
                    next, error.length() > 1000 ? error.substring(0, 1000) : error));
            if (giveUp) {
                log.error("Notification {} ({} to {}) failed {} times, giving up: {}", id, claimed.kind(), claimed.recipientUserId(),
                        attempt, error);
            } else {
                log.warn("Notification {} not sent (attempt {}), retrying at {}: {}", id, attempt, next, error);
            }
            return Outcome.FAILED;
        }
        tx.executeWithoutResult(s -> notifications.markSent(id, Instant.now()));
        return Outcome.SENT;
    }

    /** Where an undelivered mail stands. */
    public enum Delivery {
        /** Not tried yet, or being sent for the first time right now. */
        WAITING,
        /** An attempt failed; the sender tries again at {@code nextAttemptAt}. */
        RETRYING,
        /** Every attempt failed: only a coordinator's "send again" sends it. */
        GIVEN_UP
    }

    /** Why the last attempt failed, in a few categories a person can act on (the full error is in the log). */
    public enum Problem {
        NONE, SERVER_UNREACHABLE, SERVER_TIMEOUT, LOGIN_REFUSED, RECIPIENT_REFUSED, MAIL_INVALID, OTHER;

        static Problem of(String error) {
            if (error == null || error.isBlank()) {
                return NONE;
            }
            String e = error.toLowerCase(java.util.Locale.ROOT);
            if (e.contains("couldn't connect") || e.contains("connection refused") || e.contains("connectexception")
                    || e.contains("unknownhost") || e.contains("connection failed")) {
                return SERVER_UNREACHABLE;
            }
            if (e.contains("timed out") || e.contains("timeout")) {
                return SERVER_TIMEOUT;
            }
            if (e.contains("authentication") || e.contains(" 535")) {
                return LOGIN_REFUSED;
            }
            if (e.contains("invalid addresses") || e.contains("recipient") || e.contains(" 550") || e.contains(" 553")) {
                return RECIPIENT_REFUSED;
            }
            if (e.contains("cannot prepare") || e.contains("addressexception")) {
                return MAIL_INVALID;
            }
            return OTHER;
        }
    }

    /** A mail not delivered yet; {@code lastError} is the SMTP error as logged, {@code problem} says it in words. */
    public record Undelivered(UUID id, NotificationKind kind, String recipientUserId, String status, int attempts,
            Instant createdAt, Instant nextAttemptAt, String lastError, Delivery delivery, Problem problem) {}

    /** How many mails are not delivered, by where they stand; {@code maxAttempts} before the sender gives up. */
    public record UndeliveredCounts(long waiting, long retrying, long givenUp, int maxAttempts) {
        public long failing() {
            return retrying + givenUp;
        }

        public long total() {
            return waiting + retrying + givenUp;
        }
    }

    /** For the coordinators' page: the newest 100 mails not delivered yet in this state. */
    public List<Undelivered> undelivered(Delivery delivery) {
        PageRequest newest = PageRequest.of(0, 100);
        return tx.execute(s -> (switch (delivery) {
            case WAITING -> notifications.findWaiting(newest);
            case RETRYING -> notifications.findRetrying(newest);
            case GIVEN_UP -> notifications.findGivenUp(newest);
        }).stream().map(n -> new Undelivered(n.id(), n.kind(), n.recipientUserId(), n.status().name(), n.attempts(), n.createdAt(),
                n.nextAttemptAt(), n.lastError(), delivery(n), Problem.of(n.lastError()))).toList());
    }

    public UndeliveredCounts undeliveredCounts() {
        return tx.execute(s -> new UndeliveredCounts(notifications.countWaiting(),
                notifications.countRetrying(), notifications.countGivenUp(), maxAttempts));
    }

    private static Delivery delivery(Notification n) {
        if (n.status() == Notification.Status.FAILED) {
            return Delivery.GIVEN_UP;
        }
        return n.lastError() == null ? Delivery.WAITING : Delivery.RETRYING;
    }

    /** Sends a given-up mail again (after the SMTP problem was fixed); false if it was not FAILED. */
    public boolean retry(UUID id, Instant now) {
        Integer changed = tx.execute(s -> notifications.retry(id, now));
        return changed != null && changed == 1;
    }

    /**
     * Sent notifications hold an e-mail address: they are deleted after {@code accelerator.notifications.keep-sent},
     * by default the PERSONAL_OPERATIONAL period ({@code accelerator.retention.personal-operational}). Hourly with the
     * reminders rather than in the nightly retention run: the deletion is one cheap indexed statement.
     */
    public int purgeSent(Instant now) {
        Integer deleted = tx.execute(s -> notifications.deleteSentBefore(now.minus(keepSent)));
        return deleted == null ? 0 : deleted;
    }
}
