package eu.smartcity.accelerator.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The checks of SchedulerLockTest (H2) and SchedulerLockIT (PostgreSQL): ShedLock's SQL differs per database. */
final class SchedulerLockChecks {

    private SchedulerLockChecks() {}

    /** Two nodes' schedulers (each its own lock provider on the one database) fire the same job together: it runs once. */
    static void twoSchedulersOnOneDatabaseRunTheWorkOnce(DataSource dataSource) throws Exception {
        String job = "test-" + UUID.randomUUID(); // a lock outlives the test run by its lockAtLeastFor
        LockConfiguration lock = new LockConfiguration(Instant.now(), job, Duration.ofMinutes(55), Duration.ofMinutes(50));
        List<LockingTaskExecutor> nodes = List.of(node(dataSource), node(dataSource));
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> fired = nodes.stream().map(node -> threads.<Object>submit(() -> {
                start.await();
                node.executeWithLock((Runnable) () -> {
                    runs.incrementAndGet();
                    sleep(300); // the work takes a while: the other node arrives while it runs
                }, lock);
                return null;
            })).toList();
            start.countDown();
            for (Future<Object> f : fired) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(runs).as("runs of one job fired on two nodes at once").hasValue(1);

        // an hour's reminder fired a few minutes later on the other node (started later): still held, skipped
        nodes.get(1).executeWithLock((Runnable) runs::incrementAndGet, new LockConfiguration(Instant.now(), job,
                Duration.ofMinutes(55), Duration.ofMinutes(50)));
        assertThat(runs).hasValue(1);
    }

    /** The app's own job, through its Spring proxy: calling it on two instances runs it once and leaves the lock row. */
    static void theRemindersHoldTheirLock(ApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        jdbc.update("DELETE FROM shedlock WHERE name = 'notification-reminders'");
        RemindersOncePerCluster nodeA = context.getAutowireCapableBeanFactory().createBean(RemindersOncePerCluster.class);
        RemindersOncePerCluster nodeB = context.getAutowireCapableBeanFactory().createBean(RemindersOncePerCluster.class);
        nodeA.remindAndPurge();
        Map<String, Object> row = jdbc.queryForMap("SELECT locked_at, lock_until FROM shedlock WHERE name = 'notification-reminders'");
        nodeB.remindAndPurge();
        Map<String, Object> after = jdbc.queryForMap("SELECT locked_at, lock_until FROM shedlock WHERE name = 'notification-reminders'");
        assertThat(after).as("the second node did not take the lock again").isEqualTo(row);
        Duration held = Duration.between(((Timestamp) row.get("locked_at")).toInstant(), ((Timestamp) row.get("lock_until")).toInstant());
        assertThat(held).as("held at least 50 minutes after an hourly run").isGreaterThanOrEqualTo(Duration.ofMinutes(50));
        jdbc.update("DELETE FROM shedlock WHERE name = 'notification-reminders'");
    }

    private static LockingTaskExecutor node(DataSource dataSource) {
        return new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
