package eu.smartcity.accelerator.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Nodes may start at the same moment (issue 20): what a start writes to the database — Flyway's migrations, the
 * Camunda and Flowable schemas when missing, the process and decision deployments, Camunda's initial filter, the
 * role groups, authorizations and demo data — is done by one node at a time, under one PostgreSQL advisory lock
 * (session level, on a connection of its own). The first of these steps takes it ({@link #acquire()}: Flyway here,
 * the engines in {@code workflow}); the node gives it back once it is ready, after its application runners (the
 * seeding). A node that waits logs so; a node that dies holding it frees it with its connection. On H2 (one node,
 * an embedded file) there is nothing to share and nothing is locked.
 *
 * <p>Each step stays idempotent on its own (check-then-insert, duplicate filtering): the lock makes "check" and
 * "insert" one step for the cluster.
 */
@Configuration(proxyBeanMethods = false)
public class StartupLock implements DisposableBean {

    /** The advisory lock's key: "SCA_star" as a number, distinct from Flyway's (which it takes inside this one). */
    static final long KEY = 0x5343415f73746172L;

    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

    private final DataSource dataSource;
    private final Duration timeout;
    private Connection holder;
    private boolean released;

    StartupLock(DataSource dataSource, @Value("${accelerator.startup-lock.timeout:PT15M}") Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    /** Flyway migrates under this lock too: so no node's engine creates its tables while another migrates. */
    @Bean
    static FlywayMigrationStrategy migrateUnderTheStartupLock(org.springframework.beans.factory.ObjectProvider<StartupLock> lock) {
        return flyway -> {
            lock.getObject().acquire();
            flyway.migrate();
        };
    }

    /**
     * Takes the lock for this node's start, waiting for another node's start if needed; a second call does nothing.
     *
     * @throws IllegalStateException when another node holds it longer than {@code accelerator.startup-lock.timeout}
     */
    public synchronized void acquire() {
        if (holder != null || released) {
            return;
        }
        try {
            Connection connection = dataSource.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                released = true; // one node on an embedded database: nothing to wait for
                return;
            }
            connection.setAutoCommit(true);
            long deadline = System.nanoTime() + timeout.toNanos();
            boolean told = false;
            while (!tryLock(connection)) {
                if (!told) {
                    log.info("Another node is starting (schema, deployments, seed data): this node waits for it");
                    told = true;
                }
                if (System.nanoTime() > deadline) {
                    connection.close();
                    throw new IllegalStateException("Another node held the start-up lock (PostgreSQL advisory lock " + KEY
                            + ") for more than " + timeout + " (accelerator.startup-lock.timeout): is a node stuck in its start?");
                }
                Thread.sleep(250);
            }
            holder = connection;
            if (told) {
                log.info("Start-up lock taken: this node's start continues");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the start-up lock: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the start-up lock", e);
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            s.setLong(1, KEY);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    /** Ready (the application runners have seeded): the next node may go on. Before any other ready listener. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public synchronized void release() {
        released = true;
        if (holder == null) {
            return;
        }
        try (Connection connection = holder; PreparedStatement s = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            s.setLong(1, KEY);
            s.execute();
        } catch (SQLException e) {
            log.warn("Could not give back the start-up lock (it goes with the connection): {}", e.getMessage());
        } finally {
            holder = null;
        }
    }

    @Override
    public void destroy() {
        release();
    }
}
