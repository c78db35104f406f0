package eu.smartcity.accelerator.privacy.retention;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.identity.AccountActivity;
import eu.smartcity.accelerator.notification.NotificationKind;
import eu.smartcity.accelerator.privacy.inactivity.InactiveAccounts;
import eu.smartcity.accelerator.support.PostgresTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The retention and inactive-accounts SQL on PostgreSQL: the first login's insert (typed parameters, a null among
 * them), the hour's resolution, a warning recorded with its mail, and the run's row read back.
 */
@PostgresTest
class RetentionPostgresIT {

    @Autowired AccountActivity activity;
    @Autowired InactiveAccounts inactiveAccounts;
    @Autowired RetentionJob job;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    @Test
    void activityIsRecordedAndAnUnusedAccountIsWarnedAndTheRunIsKept() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String userId = "inactive-pg-" + UUID.randomUUID().toString().substring(0, 6);
        User user = identity.newUser(userId);
        user.setFirstName("Pg");
        user.setEmail(userId + "@example.org");
        user.setPassword("pg password");
        identity.saveUser(user);
        try {
            activity.loggedIn(userId, now);
            activity.loggedIn(userId, now.plus(Duration.ofMinutes(30)));
            assertThat(jdbc.queryForObject("SELECT last_login_at FROM account_activity WHERE user_id = ?", OffsetDateTime.class, userId)
                    .toInstant()).isEqualTo(now);
            Map<String, Instant> unused = activity.unusedSince(now);
            assertThat(unused).containsEntry(userId, now).containsKey("coordinator"); // demo users seen from now

            Instant twoYears = now.plus(Duration.ofDays(730));
            jdbc.update("UPDATE account_activity SET last_login_at = ? WHERE user_id <> ?", twoYears.atOffset(ZoneOffset.UTC), userId);
            RetentionJob.Run run = job.run(twoYears);
            assertThat(run.errors()).isEmpty();
            assertThat(run.touched()).contains(new RetentionJob.Touched(RetentionJob.INACTIVE_ACCOUNTS, "warned", 1));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE recipient_user_id = ? AND kind = ?", Integer.class,
                    userId, NotificationKind.ACCOUNT_INACTIVE.name())).isEqualTo(1);
            assertThat(job.lastRuns(1).get(0)).isEqualTo(run);
        } finally {
            identity.deleteUser(userId);
            jdbc.update("DELETE FROM inactive_account");
            jdbc.update("DELETE FROM account_activity");
        }
    }
}
