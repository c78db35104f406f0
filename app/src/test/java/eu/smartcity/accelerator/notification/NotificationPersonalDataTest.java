package eu.smartcity.accelerator.notification;

import static eu.smartcity.accelerator.support.PersonalDataCase.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.shared.personaldata.DataSubject;
import eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PersonalDataCase;
import eu.smartcity.accelerator.support.PersonalDataScan;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 24 point 3, notification's share: the person's mails (waiting, sent, given up) and switched-off kinds are
 * exported and erased; a mail to someone else that names the person keeps its text with the pseudonym instead;
 * sent and given-up mails expire after the operational period.
 */
@AcceleratorTest
class NotificationPersonalDataTest {

    static final String[] TABLES = {"notification", "notification_opt_out"};

    @Autowired JdbcTemplate jdbc;
    @Autowired NotificationPreferences preferences;
    @Autowired List<PersonalDataHolder> holders;

    PersonalDataCase person;

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM notification WHERE dedup_key LIKE ?", "pd-" + person.unique + "%");
    }

    UUID mail(String userId, String email, String body, String status, OffsetDateTime created, OffsetDateTime sent) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO notification (id, dedup_key, kind, recipient_user_id, recipient_email, language, subject, body, status,
                    attempts, next_attempt_at, created_at, sent_at)
                VALUES (?, ?, 'JURY_ASSIGNMENT', ?, ?, 'en', 'You are on a jury', ?, ?, 1, ?, ?, ?)""",
                id, "pd-" + person.unique + "-" + id, userId, email, body, status, created, created, sent);
        return id;
    }

    @Test
    void exportsAndErasesThePersonsMailsAndTheirNameInOthersMails() {
        person = new PersonalDataCase(jdbc, null);
        String fullName = String.join(" ", person.subject.names());
        mail(person.subject.userId(), person.subject.email(), "Dear " + person.subject.names().get(0) + ", welcome.", "SENT", daysAgo(2), daysAgo(2));
        mail(person.subject.userId(), person.subject.email(), "A reminder.", "PENDING", daysAgo(0), null);
        UUID toCoordinator = mail("coordinator", "coordinator@example.org",
                fullName + " (" + person.subject.email() + ") declared a conflict.", "SENT", daysAgo(1), daysAgo(1));
        // a user id inside a longer one is someone else
        UUID aboutSomeoneElse = mail("coordinator", "coordinator@example.org", "Juror " + person.subject.userId() + "-bis was seated.",
                "SENT", daysAgo(1), daysAgo(1));
        preferences.choose(person.subject.userId(), EnumSet.noneOf(NotificationKind.class));
        PersonalDataHolder holder = PersonalDataCase.holder(holders, "notifications");

        Map<String, Object> export = holder.export(person.subject);
        assertThat((List<?>) export.get("mails")).hasSize(2);
        assertThat(export.get("mails").toString()).contains("Dear " + person.subject.names().get(0)).contains("status=PENDING");
        assertThat(export.get("switchedOff").toString()).contains("JURY_REMINDER").contains("SOLUTION_ALERT");

        Map<String, Integer> erased = holder.erase(person.subject);

        assertThat(erased).containsEntry("notification", 3);
        assertThat(erased.get("notification_opt_out")).isPositive();
        assertThat(PersonalDataScan.find(jdbc, person.subject, TABLES)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT body FROM notification WHERE id = ?", String.class, toCoordinator))
                .isEqualTo(person.subject.pseudonym() + " (" + person.subject.pseudonym() + ") declared a conflict.");
        assertThat(jdbc.queryForObject("SELECT body FROM notification WHERE id = ?", String.class, aboutSomeoneElse))
                .isEqualTo("Juror " + person.subject.userId() + "-bis was seated.");
        jdbc.update("DELETE FROM notification WHERE id = ?", aboutSomeoneElse);
        assertThat(holder.erase(person.subject).values()).as("erasing again touches nothing").containsOnly(0);

        DataSubject nameless = new DataSubject("zz-pd-nameless-" + person.unique, null, List.of(), List.of(), "erased-" + person.unique);
        mail(nameless.userId(), "nameless-" + person.unique + "@example.org", "Hello.", "SENT", daysAgo(1), daysAgo(1));
        assertThat(holder.erase(nameless)).containsEntry("notification", 1);
    }

    @Test
    void sentAndGivenUpMailsExpireAfterTheOperationalPeriod() {
        person = new PersonalDataCase(jdbc, null);
        UUID oldSent = mail("someone", "someone@example.org", "Old news.", "SENT", daysAgo(200), daysAgo(200));
        UUID oldFailed = mail("someone", "someone@example.org", "Never arrived.", "FAILED", daysAgo(190), null);
        UUID recent = mail("someone", "someone@example.org", "Fresh news.", "SENT", daysAgo(10), daysAgo(10));
        UUID waiting = mail("someone", "someone@example.org", "Still trying.", "PENDING", daysAgo(200), null);

        PersonalDataCase.holder(holders, "notifications").expire(PersonalDataCase.PERIODS, Instant.now());

        assertThat(person.rows("notification", "id", oldSent)).isZero();
        assertThat(person.rows("notification", "id", oldFailed)).isZero();
        assertThat(person.rows("notification", "id", recent)).isEqualTo(1);
        assertThat(person.rows("notification", "id", waiting)).isEqualTo(1);
    }
}
