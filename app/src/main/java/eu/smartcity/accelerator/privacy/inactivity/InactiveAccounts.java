package eu.smartcity.accelerator.privacy.inactivity;

import eu.smartcity.accelerator.identity.AccountActivity;
import eu.smartcity.accelerator.identity.People;
import eu.smartcity.accelerator.notification.NotificationKind;
import eu.smartcity.accelerator.notification.NotificationOutbox;
import eu.smartcity.accelerator.privacy.PersonalDataErasure;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 24 point 5: accounts unused for {@code warnAfter} get a warning mail; {@code deactivateAfter} later they are
 * deactivated (as a coordinator would); {@code eraseAfter} after that they are erased through
 * {@link PersonalDataErasure}, unless the person holds a role in a running cycle ({@link RunningRoles}), then they
 * wait for the next run. A login after the warning (or a coordinator's reactivation) ends it all: the account counts
 * as used from then. State per account in {@code inactive_account}; each account is handled in its own transaction,
 * so one failure does not stop the others. Accounts a coordinator deactivated are left to the coordinator.
 */
@Component
@EnableConfigurationProperties(InactivitySettings.class)
public class InactiveAccounts {

    private static final Logger log = LoggerFactory.getLogger(InactiveAccounts.class);
    /** Who deactivated the account, as {@code account_deactivation.deactivated_by} shows it. */
    static final String ACTOR = "inactive-accounts";
    static final String GROUNDS = "inactive-account";

    private final AccountActivity activity;
    private final People people;
    private final NotificationOutbox outbox;
    private final RunningRoles runningRoles;
    private final PersonalDataErasure erasure;
    private final InactivitySettings settings;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    InactiveAccounts(AccountActivity activity, People people, NotificationOutbox outbox, RunningRoles runningRoles,
            PersonalDataErasure erasure, InactivitySettings settings, JdbcTemplate jdbc,
            PlatformTransactionManager transactions) {
        this.activity = activity;
        this.people = people;
        this.outbox = outbox;
        this.runningRoles = runningRoles;
        this.erasure = erasure;
        this.settings = settings;
        this.jdbc = JdbcClient.create(jdbc);
        this.tx = new TransactionTemplate(transactions);
    }

    private record State(Instant warnedAt, Instant deactivatedAt) {}

    /**
     * One daily run at {@code now}.
     *
     * @return how many accounts took each step ({@code warned}, {@code deactivated}, {@code erased},
     *         {@code warning-cancelled}, {@code kept-<role>}, {@code failed}), no personal data
     */
    public Map<String, Integer> run(Instant now) {
        Map<String, Instant> unusedSince = activity.unusedSince(now);
        Map<String, State> states = new HashMap<>();
        jdbc.sql("SELECT user_id, warned_at, deactivated_at FROM inactive_account").query(rs -> {
            OffsetDateTime deactivated = rs.getObject(3, OffsetDateTime.class);
            states.put(rs.getString(1), new State(rs.getObject(2, OffsetDateTime.class).toInstant(),
                    deactivated == null ? null : deactivated.toInstant()));
        });
        Map<String, Integer> counts = new TreeMap<>();
        for (People.Person person : people.all()) {
            Instant since = unusedSince.get(person.userId());
            if (since == null) {
                continue; // created during this run: next time
            }
            try {
                step(person, since, states.get(person.userId()), now).ifPresent(s -> counts.merge(s, 1, Integer::sum));
            } catch (RuntimeException e) {
                log.error("Inactive account {} not handled (tried again tomorrow)", person.userId(), e);
                counts.merge("failed", 1, Integer::sum);
            }
        }
        // accounts erased another way (on request) leave their row behind
        states.keySet().stream().filter(u -> !unusedSince.containsKey(u)).forEach(this::forget);
        return counts;
    }

    /** The one step this account takes today, if any. */
    private Optional<String> step(People.Person person, Instant unusedSince, State state, Instant now) {
        String userId = person.userId();
        if (state == null) {
            if (person.deactivated() || now.isBefore(unusedSince.plus(settings.warnAfter()))) {
                return Optional.empty();
            }
            tx.executeWithoutResult(s -> warn(userId, now));
            return Optional.of("warned");
        }
        if (unusedSince.isAfter(state.warnedAt())) {
            forget(userId); // logged in after the warning, or reactivated by a coordinator
            return Optional.of("warning-cancelled");
        }
        if (state.deactivatedAt() == null) {
            if (now.isBefore(state.warnedAt().plus(settings.deactivateAfter()))) {
                return Optional.empty();
            }
            tx.executeWithoutResult(s -> {
                if (!person.deactivated()) {
                    people.setActive(ACTOR, userId, false);
                }
                jdbc.sql("UPDATE inactive_account SET deactivated_at = ? WHERE user_id = ?").params(utc(now), userId).update();
            });
            return Optional.of("deactivated");
        }
        if (now.isBefore(state.deactivatedAt().plus(settings.eraseAfter()))) {
            return Optional.empty();
        }
        Optional<String> role = runningRoles.of(person);
        if (role.isPresent()) {
            return Optional.of("kept-" + role.get()); // asked again on the next run
        }
        erasure.erase(userId, GROUNDS); // its own transaction; if it fails the row stays and tomorrow's run tries again
        forget(userId);
        return Optional.of("erased");
    }

    private void warn(String userId, Instant now) {
        Instant deactivation = now.plus(settings.deactivateAfter());
        String deactivationDate = date(deactivation);
        String erasureDate = date(deactivation.plus(settings.eraseAfter()));
        // the event is this warning (its time): a person warned again after a later inactive spell gets a new mail
        int mails = outbox.toUser(NotificationKind.ACCOUNT_INACTIVE, "inactive-" + now.getEpochSecond(), userId,
                deactivationDate, "/login", locale -> erasureDate);
        if (mails == 0) {
            log.info("Inactive account {} has no e-mail address: deactivated on {} without a warning mail", userId, deactivationDate);
        }
        jdbc.sql("INSERT INTO inactive_account (user_id, warned_at) VALUES (?, ?)").params(userId, utc(now)).update();
    }

    private void forget(String userId) {
        jdbc.sql("DELETE FROM inactive_account WHERE user_id = ?").param(userId).update();
    }

    /** Dates in mails are ISO (2026-12-06): the same in every language, unambiguous. */
    private static String date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
