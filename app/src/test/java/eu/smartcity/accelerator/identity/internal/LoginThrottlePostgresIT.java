package eu.smartcity.accelerator.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.support.PostgresTest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two throttles (as two nodes would have) on one PostgreSQL database, failing on the same new key at the same
 * moment: every failure counts exactly once, the race for the first row included, and both see the block.
 */
@PostgresTest
class LoginThrottlePostgresIT {

    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void concurrentFailuresOnTwoNodesAreEachCountedOnceAndBlockOnBoth() throws Exception {
        LoginThrottle nodeA = new LoginThrottle(JdbcClient.create(jdbc), transactions, Clock.systemUTC(), Duration.ofHours(6));
        LoginThrottle nodeB = new LoginThrottle(JdbcClient.create(jdbc), transactions, Clock.systemUTC(), Duration.ofHours(6));
        LoginThrottle.Policy policy = new LoginThrottle.Policy(40, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1));
        LoginThrottle.Key key = new LoginThrottle.Key("account:race-" + UUID.randomUUID(), policy);

        int perThread = 10;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (LoginThrottle node : List.of(nodeA, nodeB, nodeA, nodeB)) {
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        node.failed(List.of(key));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT failures FROM login_throttle WHERE throttle_key = ?", Integer.class, key.name()))
                .isEqualTo(4 * perThread);
        // the 40th failure reached the policy's limit: both nodes refuse the next attempt
        assertThat(nodeA.blockedUntil(List.of(key))).isPresent();
        assertThat(nodeB.blockedUntil(List.of(key))).isEqualTo(nodeA.blockedUntil(List.of(key)));
    }
}
