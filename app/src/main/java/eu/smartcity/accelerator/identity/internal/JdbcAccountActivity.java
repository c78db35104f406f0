package eu.smartcity.accelerator.identity.internal;

import eu.smartcity.accelerator.identity.AccountActivity;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link AccountActivity} in the table {@code account_activity} (V191). */
@Component
class JdbcAccountActivity implements AccountActivity {

    private static final Logger log = LoggerFactory.getLogger(JdbcAccountActivity.class);
    /** A login within this of the recorded one is not written again: inactivity is counted in months. */
    static final Duration RESOLUTION = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final IdentityService identity;
    private final TransactionTemplate ownTransaction;
    /**
     * What this node recorded lately: an API client logging in with every request (HTTP Basic) costs no statement
     * within the hour. Only a cache: another node's record is found by the conditional update.
     */
    private final Map<String, Instant> recordedHere = new ConcurrentHashMap<>();

    JdbcAccountActivity(JdbcTemplate jdbc, IdentityService identity, PlatformTransactionManager transactions) {
        this.jdbc = JdbcClient.create(jdbc);
        this.identity = identity;
        this.ownTransaction = new TransactionTemplate(transactions);
        // its own transaction: on PostgreSQL a failed insert (another node was first) spoils the transaction it ran in
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void loggedIn(String userId, Instant at) {
        Instant recorded = recordedHere.get(userId);
        if (recorded != null && !at.isBefore(recorded) && at.isBefore(recorded.plus(RESOLUTION))) {
            return;
        }
        try {
            // a row that is recent enough is not written; a missing row is inserted (the update touched nothing)
            int updated = jdbc.sql("UPDATE account_activity SET last_login_at = ? WHERE user_id = ? "
                            + "AND (last_login_at IS NULL OR last_login_at < ?)")
                    .params(utc(at), userId, utc(at.minus(RESOLUTION))).update();
            if (updated == 0) {
                insertIfMissing(userId, at, at);
            }
            if (recordedHere.size() > 10_000) {
                recordedHere.clear(); // a bound, not a policy: the next login of each writes once more
            }
            recordedHere.put(userId, at);
        } catch (DataAccessException e) {
            log.warn("Last login of {} not recorded: {}", userId, e.getMessage());
        }
    }

    /** A coordinator reactivated the account: its inactivity counts afresh from now. */
    void reactivated(String userId, Instant at) {
        int updated = jdbc.sql("UPDATE account_activity SET active_since = ? WHERE user_id = ?").params(utc(at), userId).update();
        if (updated == 0) {
            insertIfMissing(userId, null, at);
        }
    }

    @Override
    public Map<String, Instant> unusedSince(Instant now) {
        Set<String> users = identity.createUserQuery().list().stream().map(User::getId).collect(Collectors.toSet());
        Map<String, Instant> since = new HashMap<>();
        List<String> gone = new java.util.ArrayList<>();
        jdbc.sql("SELECT user_id, last_login_at, active_since FROM account_activity").query(rs -> {
            String userId = rs.getString(1);
            OffsetDateTime login = rs.getObject(2, OffsetDateTime.class);
            Instant active = rs.getObject(3, OffsetDateTime.class).toInstant();
            if (!users.contains(userId)) {
                gone.add(userId);
            } else {
                since.put(userId, login != null && login.toInstant().isAfter(active) ? login.toInstant() : active);
            }
        });
        gone.forEach(userId -> jdbc.sql("DELETE FROM account_activity WHERE user_id = ?").param(userId).update());
        for (String userId : users) {
            if (!since.containsKey(userId)) {
                insertIfMissing(userId, null, now);
                since.put(userId, now);
            }
        }
        return since;
    }

    private void insertIfMissing(String userId, Instant lastLogin, Instant activeSince) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                    INSERT INTO account_activity (user_id, last_login_at, active_since)
                    SELECT CAST(? AS VARCHAR(64)), CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE)
                    WHERE NOT EXISTS (SELECT 1 FROM account_activity WHERE user_id = ?)""")
                    .params(userId, lastLogin == null ? null : utc(lastLogin), utc(activeSince), userId).update());
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            // recorded by a concurrent login on another node: as good as ours
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
