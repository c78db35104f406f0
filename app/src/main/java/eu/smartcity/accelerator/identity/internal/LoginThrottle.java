package eu.smartcity.accelerator.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failures counted per key (an account, a client address, a registration source) in the table
 * {@code login_throttle}, so that every node on the database sees the same counters. After a policy's free
 * failures, each failure blocks the key for a delay that doubles up to a maximum; a key's failures are forgotten
 * {@code forgetAfter} after its last one. Nothing is ever locked for good: the worst an attacker can do to an
 * account is keep it at the maximum delay. Keys name accounts and addresses (retention class: PERSONAL_OPERATIONAL).
 *
 * <p>Why our own table rather than Bucket4j's PostgreSQL backend: the default profile runs on H2, which that
 * backend does not serve, and the policy here is an escalating delay per key rather than a token bucket; two
 * conditional statements in one transaction (the row lock serialises concurrent failures) are all it needs.
 */
public class LoginThrottle {

    /** After {@code freeFailures} failures, the n-th further one blocks for firstDelay·2ⁿ, at most maxDelay. */
    public record Policy(int freeFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter) {

        Duration delayAfter(int failures) {
            if (failures < freeFailures) {
                return Duration.ZERO;
            }
            Duration delay = firstDelay.multipliedBy(1L << Math.min(failures - freeFailures, 30));
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    /** A counter: its name in the table and the policy it follows. */
    public record Key(String name, Policy policy) {
        public Key {
            // ids are limited to 64 characters and addresses to 45 before they get here; the column has 200
            name = name.length() > 200 ? name.substring(0, 200) : name;
        }
    }

    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration longestMemory;
    private volatile Instant nextPurge = Instant.MIN;

    public LoginThrottle(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, Duration longestMemory) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.longestMemory = longestMemory;
    }

    /** In milliseconds: what the database stores (microseconds) must compare equal to what was computed. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Until when an attempt on any of these keys must wait; empty when it may be made now. */
    public Optional<Instant> blockedUntil(List<Key> keys) {
        Instant now = now();
        Instant latest = null;
        for (Key key : keys) {
            Optional<OffsetDateTime> until = jdbc.sql("SELECT blocked_until FROM login_throttle WHERE throttle_key = ?")
                    .param(key.name())
                    .query((rs, row) -> rs.getObject(1, OffsetDateTime.class))
                    .optional();
            if (until.isPresent() && until.get() != null && until.get().toInstant().isAfter(now)
                    && (latest == null || until.get().toInstant().isAfter(latest))) {
                latest = until.get().toInstant();
            }
        }
        return Optional.ofNullable(latest);
    }

    /** Counts one failure on each key and blocks those past their free failures. */
    public void failed(List<Key> keys) {
        Instant now = now();
        for (Key key : keys) {
            Boolean counted = tx.execute(status -> countOnExistingRow(key, now));
            if (!Boolean.TRUE.equals(counted)) {
                try {
                    tx.executeWithoutResult(status -> {
                        jdbc.sql("INSERT INTO login_throttle (throttle_key, failures, last_failure_at) VALUES (?, 1, ?)")
                                .params(key.name(), utc(now)).update();
                        block(key, now);
                    });
                } catch (DuplicateKeyException anotherNodeWasFirst) {
                    // its own transaction: on PostgreSQL a failed insert spoils the transaction it ran in
                    tx.execute(status -> countOnExistingRow(key, now));
                }
            }
        }
        purgeOldRows(now);
    }

    /** The right password: the account starts afresh (an address does not: a guesser may own an account too). */
    public void succeeded(Key key) {
        jdbc.sql("DELETE FROM login_throttle WHERE throttle_key = ?").param(key.name()).update();
    }

    private boolean countOnExistingRow(Key key, Instant now) {
        // the update takes the row lock: a concurrent failure on another node waits and then counts on top of ours
        int updated = jdbc.sql("""
                UPDATE login_throttle SET failures = CASE WHEN last_failure_at < ? THEN 1 ELSE failures + 1 END,
                    last_failure_at = ? WHERE throttle_key = ?""")
                .params(utc(now.minus(key.policy().forgetAfter())), utc(now), key.name()).update();
        if (updated == 0) {
            return false;
        }
        block(key, now);
        return true;
    }

    private void block(Key key, Instant now) {
        int failures = jdbc.sql("SELECT failures FROM login_throttle WHERE throttle_key = ?").param(key.name())
                .query(Integer.class).single();
        Duration delay = key.policy().delayAfter(failures);
        if (!delay.isZero()) {
            jdbc.sql("UPDATE login_throttle SET blocked_until = ? WHERE throttle_key = ?")
                    .params(utc(now.plus(delay)), key.name()).update();
        }
    }

    /** Rows hold user ids and addresses: they go once no policy remembers them (at most every few minutes per node). */
    private void purgeOldRows(Instant now) {
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(PURGE_EVERY);
        jdbc.sql("DELETE FROM login_throttle WHERE last_failure_at < ?").param(utc(now.minus(longestMemory))).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
