package eu.smartcity.accelerator.publicapi;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.support.PostgresTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** On PostgreSQL the API's buckets are Bucket4j rows shared by every node: two nodes together keep one client's limit. */
@PostgresTest
class ApiRateLimitPostgresIT {

    @Autowired DataSource dataSource;
    @Autowired ApiRateLimitBuckets appBuckets;
    @Autowired JdbcTemplate jdbc;

    @Test
    void twoNodesShareOneBucketPerClient() throws Exception {
        assertThat(appBuckets).isInstanceOf(ApiRateLimitBuckets.InPostgres.class);
        // two nodes = two proxy managers on the one database, each with 10 requests per minute
        ApiRateLimitBuckets nodeA = ApiRateLimitBuckets.forDatabase(dataSource, 10);
        ApiRateLimitBuckets nodeB = ApiRateLimitBuckets.forDatabase(dataSource, 10);
        String client = "198.51.100." + UUID.randomUUID();

        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<Boolean>> attempts = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                ApiRateLimitBuckets node = i % 2 == 0 ? nodeA : nodeB;
                attempts.add(threads.submit((Callable<Boolean>) () -> node.tryConsume(client).isConsumed()));
            }
            long served = 0;
            for (Future<Boolean> attempt : attempts) {
                served += attempt.get() ? 1 : 0;
            }
            assertThat(served).as("requests served across both nodes for one client").isEqualTo(10);
        } finally {
            threads.shutdownNow();
        }
        assertThat(nodeB.tryConsume(client).getNanosToWaitForRefill()).as("the next token comes within the minute")
                .isPositive().isLessThanOrEqualTo(60_000_000_000L);
        assertThat(nodeA.tryConsume("198.51.100." + UUID.randomUUID()).isConsumed()).as("another client has its own bucket").isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_rate_limit_bucket WHERE id = ?", Integer.class, client)).isEqualTo(1);
    }
}
