package eu.smartcity.accelerator.marketplace.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The admission of {@link CatalogueSearch}: no more searches run at once than its bound, the others wait their turn in
 * arrival order, and one that gets no turn within the queue wait is {@link CatalogueSearch.Busy}. A real (in-memory H2)
 * catalogue; its statements pass a gate that counts how many run at once and can hold them, so the overlap is certain.
 */
class CatalogueSearchAdmissionTest {

    private final JdbcDataSource h2 = new JdbcDataSource();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final List<String> firstStatementBy = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private ExecutorService searchers;

    @BeforeEach
    void catalogue() {
        h2.setURL("jdbc:h2:mem:admission-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        jdbc.execute("CREATE TABLE market_solution (id UUID PRIMARY KEY, name VARCHAR(200), supplier_group VARCHAR(64),"
                + " domain VARCHAR(40), description VARCHAR(4000), trl INT, price_model VARCHAR(40), indicative_cost NUMERIC(12,2))");
        for (int i = 0; i < 3; i++) {
            jdbc.update("INSERT INTO market_solution VALUES (?, ?, 'company-x', 'parking', 'sensors', 7, 'licence', 1000)",
                    UUID.randomUUID(), "Solution " + i);
        }
        searchers = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stop() throws Exception {
        gate.countDown();
        searchers.shutdownNow();
        searchers.awaitTermination(10, TimeUnit.SECONDS);
        new JdbcTemplate(h2).execute("SHUTDOWN");
    }

    @Test
    void noMoreSearchesRunAtOnceThanTheBoundTheOthersWaitAndAllAreAnswered() throws Exception {
        CatalogueSearch search = new CatalogueSearch(gated(), CatalogueSearch.DEFAULT_CAP, 2, Duration.ofSeconds(30));
        gate = new CountDownLatch(1);
        List<CompletableFuture<CatalogueSearch.Result>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            results.add(CompletableFuture.supplyAsync(() -> search.search(browse()), searchers));
        }
        awaitWaiting(search, 4); // two run (held at the gate), four wait their turn
        assertThat(running.get()).isEqualTo(2);
        gate.countDown();
        for (CompletableFuture<CatalogueSearch.Result> result : results) {
            assertThat(result.get(30, TimeUnit.SECONDS).total()).isEqualTo(3);
        }
        assertThat(mostAtOnce.get()).isEqualTo(2);
    }

    @Test
    void waitingSearchesAreAdmittedInArrivalOrder() throws Exception {
        CatalogueSearch search = new CatalogueSearch(gated(), CatalogueSearch.DEFAULT_CAP, 1, Duration.ofSeconds(30));
        gate = new CountDownLatch(1);
        List<CompletableFuture<CatalogueSearch.Result>> results = new ArrayList<>();
        for (String searcher : List.of("first", "second", "third", "fourth")) {
            results.add(CompletableFuture.supplyAsync(() -> {
                Thread.currentThread().setName(searcher);
                return search.search(browse());
            }, searchers));
            if (results.size() == 1) {
                awaitRunning(1); // the first holds the turn before the next arrives
            } else {
                awaitWaiting(search, results.size() - 1); // the next one arrives after this one queued
            }
        }
        gate.countDown();
        for (CompletableFuture<CatalogueSearch.Result> result : results) {
            result.get(30, TimeUnit.SECONDS);
        }
        assertThat(firstStatementBy).containsExactly("first", "second", "third", "fourth");
        assertThat(mostAtOnce.get()).isEqualTo(1);
    }

    @Test
    void aSearchWithoutATurnWithinTheQueueWaitIsBusyAndTheNextOneIsAnsweredAgain() throws Exception {
        CatalogueSearch search = new CatalogueSearch(gated(), CatalogueSearch.DEFAULT_CAP, 1, Duration.ofMillis(200));
        gate = new CountDownLatch(1);
        CompletableFuture<CatalogueSearch.Result> held = CompletableFuture.supplyAsync(() -> search.search(browse()), searchers);
        awaitRunning(1);
        long started = System.nanoTime();
        assertThatThrownBy(() -> search.search(browse())).isInstanceOf(CatalogueSearch.Busy.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        gate.countDown();
        assertThat(held.get(30, TimeUnit.SECONDS).total()).isEqualTo(3);
        assertThat(search.search(browse()).total()).isEqualTo(3); // the busy search took no turn with it
        assertThat(search.waiting()).isZero();
    }

    private static CatalogueSearch.Query browse() {
        return new CatalogueSearch.Query(null, null, null, null, 0, 20);
    }

    private void awaitWaiting(CatalogueSearch search, int waiting) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (search.waiting() < waiting && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(search.waiting()).as("searches waiting their turn").isEqualTo(waiting);
    }

    private void awaitRunning(int statements) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (running.get() < statements && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(running.get()).isEqualTo(statements);
    }

    /** The H2 catalogue; each query waits at {@link #gate} while counted as running. */
    private DataSource gated() {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, h2, args);
                    return result instanceof Connection connection ? gated(connection) : result;
                });
    }

    private Connection gated(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, connection, args);
                    return result instanceof PreparedStatement statement ? gated(statement) : result;
                });
    }

    private PreparedStatement gated(PreparedStatement statement) {
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("executeQuery")) {
                        return invoke(method, statement, args);
                    }
                    String searcher = Thread.currentThread().getName();
                    if (!firstStatementBy.contains(searcher)) {
                        firstStatementBy.add(searcher);
                    }
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        gate.await(30, TimeUnit.SECONDS);
                        return invoke(method, statement, args);
                    } finally {
                        running.decrementAndGet();
                    }
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
