package eu.smartcity.accelerator.publicapi;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The token buckets of {@link ApiRateLimitFilter}, one per client address, kept by Bucket4j: on PostgreSQL in
 * the table {@code api_rate_limit_bucket} (V126), shared by every node, each bucket updated under its row lock
 * (SELECT ... FOR UPDATE); on H2, which Bucket4j's PostgreSQL proxy manager does not serve and which only ever
 * has one node, in this node's memory. Retention class: PERSONAL_OPERATIONAL (a client address is personal data, linked
 * to no account): a row goes once its bucket is full again (ApiRateLimitConfiguration removes them).
 */
abstract class ApiRateLimitBuckets {

    private static final String TABLE = "api_rate_limit_bucket";

    final BucketConfiguration configuration;

    ApiRateLimitBuckets(int requestsPerMinute) {
        // full after a quiet minute, refilled continuously ("greedy") rather than once a minute
        this.configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(requestsPerMinute).refillGreedy(requestsPerMinute, Duration.ofMinutes(1)))
                .build();
    }

    /** Takes one token of this client's bucket, or says how long until one is there. */
    abstract ConsumptionProbe tryConsume(String client);

    /** Forgets every client's usage (tests; an operator after raising the limit). */
    abstract void reset();

    /** Bucket4j's PostgreSQL backend on PostgreSQL, memory elsewhere. */
    static ApiRateLimitBuckets forDatabase(DataSource dataSource, int requestsPerMinute) {
        try (Connection connection = dataSource.getConnection()) {
            if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                return new InPostgres(dataSource, requestsPerMinute);
            }
        } catch (SQLException unreachable) {
            throw new IllegalStateException("database unreachable while choosing where API rate limits are kept", unreachable);
        }
        return new InMemory(requestsPerMinute);
    }

    static final class InPostgres extends ApiRateLimitBuckets {

        private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
        private final JdbcTemplate jdbc;

        InPostgres(DataSource dataSource, int requestsPerMinute) {
            super(requestsPerMinute);
            this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                    .primaryKeyMapper(PrimaryKeyMapper.STRING)
                    .table(TABLE).idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                    // a row may go once its bucket would be full again anyway
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                    .build();
            this.jdbc = new JdbcTemplate(dataSource);
        }

        @Override
        ConsumptionProbe tryConsume(String client) {
            return buckets.builder().build(client, () -> configuration).tryConsumeAndReturnRemaining(1);
        }

        /** Deletes up to {@code batch} buckets that have refilled; how many went. */
        int removeExpired(int batch) {
            return buckets.removeExpired(batch);
        }

        @Override
        void reset() {
            jdbc.update("DELETE FROM " + TABLE);
        }
    }

    static final class InMemory extends ApiRateLimitBuckets {

        private static final int MAX_TRACKED_CLIENTS = 100_000;

        private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

        InMemory(int requestsPerMinute) {
            super(requestsPerMinute);
        }

        @Override
        ConsumptionProbe tryConsume(String client) {
            if (buckets.size() > MAX_TRACKED_CLIENTS) {
                buckets.clear(); // bounded memory under an address-spraying flood; everyone starts full again
            }
            return buckets.computeIfAbsent(client, c -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build())
                    .tryConsumeAndReturnRemaining(1);
        }

        @Override
        void reset() {
            buckets.clear();
        }
    }
}
