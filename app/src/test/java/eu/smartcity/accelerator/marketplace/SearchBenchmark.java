package eu.smartcity.accelerator.marketplace;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import eu.smartcity.accelerator.bench.ThreadGroupsCpu;
import eu.smartcity.accelerator.marketplace.catalogue.CatalogueSearch;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Marketplace search benchmark (not a test; run by scripts/benchmark-marketplace-search.sh): N
 * concurrent searchers each run the same {@link CatalogueSearch} the portal and the API use (a page
 * of 20 hits by relevance, the domain facet and the price-model facet: one statement on PostgreSQL) with a
 * query mix of one or two words, 30 % with a domain filter and 10 % with a price-model filter.
 * Prints p50/p95/p99 latency per search and the throughput, and the load-independent figures: statements per search
 * (counted at the JDBC connection) and CPU per search, of this JVM and of the PostgreSQL backends serving the searchers
 * (their {@code /proc/<pid>/stat} when the database runs on this machine), so that a change can be judged on a busy
 * machine, where latency measures the run queue.
 * Properties: url, user, password, searchers (20), searches (per searcher, 100), warmup (per searcher, 10), seed, cap
 * ({@link CatalogueSearch#DEFAULT_CAP}), concurrentSearches (searches run at once, the others wait their turn, which counts
 * in their latency; default two per processor, as the application), queueWaitMs (2000).
 */
public final class SearchBenchmark {

    static final String[] WORDS = {"parking", "sensor", "traffic", "bike", "bus", "charging", "lighting", "energy", "solar", "waste",
            "container", "air", "noise", "quality", "water", "flood", "tree", "crowd", "citizen", "budget", "school", "delivery",
            "mobility", "dashboard", "platform", "data", "forecast", "monitoring", "alert", "booking", "health", "emergency",
            "canal", "drone", "lorawan", "meter", "leak", "grid", "battery", "tram", "accessibility", "permit"};
    static final String[] DOMAINS = {"mobility", "parking", "energy", "waste", "environment", "public-space",
            "citizen-participation", "water", "safety", "health", "other"};
    static final String[] PRICE_MODELS = {"subscription", "licence", "one-off", "pay-per-use", "open-source"};

    static final AtomicLong BUSY = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int searchers = Integer.getInteger("searchers", 20);
        int searches = Integer.getInteger("searches", 100);
        int warmup = Integer.getInteger("warmup", 10);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(System.getProperty("url", "jdbc:postgresql://localhost:5432/accelerator_bench_market"));
        config.setUsername(System.getProperty("user", "accelerator"));
        config.setPassword(System.getProperty("password", "accelerator"));
        config.setMaximumPoolSize(searchers);
        config.setMinimumIdle(searchers);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            AtomicLong statements = new AtomicLong();
            DataSource dataSource = counting(pool, statements);
            CatalogueSearch search = new CatalogueSearch(dataSource, Integer.getInteger("cap", CatalogueSearch.DEFAULT_CAP),
                    Integer.getInteger("concurrentSearches", CatalogueSearch.defaultConcurrentSearches()),
                    java.time.Duration.ofMillis(Long.getLong("queueWaitMs", CatalogueSearch.DEFAULT_QUEUE_WAIT.toMillis())));
            long solutions = search.search(new CatalogueSearch.Query(null, null, null, null, 0, 1)).total();
            System.out.printf(Locale.ROOT, "catalogue: %,d solutions; full-text index: %s; %d searchers x %d searches (+%d warm-up);"
                    + " %d searches at once%n", solutions, search.fullTextIndex(), searchers, searches, warmup, search.concurrentSearches());
            run(search, searchers, warmup, 1L);
            List<Integer> backends = backends(pool, searchers);
            long backendCpu = cpuTicks(backends);
            long jvmCpu = jvmCpuNanos();
            long statementsBefore = statements.get();
            long started = System.nanoTime();
            List<Long> latencies = run(search, searchers, searches, Long.getLong("seed", 42L));
            double seconds = (System.nanoTime() - started) / 1e9;
            double jvmMs = (jvmCpuNanos() - jvmCpu) / 1e6 / latencies.size();
            long backendTicks = cpuTicks(backends) - backendCpu;
            System.out.printf(Locale.ROOT, "cap: %d; statements per search: %.2f%n", search.cap(),
                    (statements.get() - statementsBefore) / (double) latencies.size());
            System.out.printf(Locale.ROOT, "CPU per search: JVM %.2f ms, PostgreSQL %s (%d backends, /proc, 10 ms ticks)%n", jvmMs,
                    backendTicks < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f ms", backendTicks * 10.0 / latencies.size()), backends.size());
            Collections.sort(latencies);
            System.out.printf(Locale.ROOT, "searches: %d in %.1f s = %.1f searches/s%n", latencies.size(), seconds, latencies.size() / seconds);
            System.out.printf(Locale.ROOT, "latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f; busy answers: %d%n", pct(latencies, 0.50),
                    pct(latencies, 0.95), pct(latencies, 0.99), latencies.get(latencies.size() - 1) / 1e6, BUSY.get());
        }
    }

    /** Counts the statements prepared or created through the data source's connections. */
    static DataSource counting(DataSource target, AtomicLong statements) {
        return (DataSource) Proxy.newProxyInstance(SearchBenchmark.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, target, args);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(SearchBenchmark.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> {
                                if (m.getName().equals("prepareStatement") || m.getName().equals("createStatement")
                                        || m.getName().equals("prepareCall")) {
                                    statements.incrementAndGet();
                                }
                                return invoke(m, connection, a);
                            });
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The backend process ids of all the pool's connections (all borrowed at once, so each is a different one). */
    static List<Integer> backends(DataSource pool, int size) throws java.sql.SQLException {
        List<Connection> held = new ArrayList<>();
        List<Integer> pids = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                Connection connection = pool.getConnection();
                held.add(connection);
                try (java.sql.Statement statement = connection.createStatement();
                        java.sql.ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
                    rs.next();
                    pids.add(rs.getInt(1));
                }
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        return pids;
    }

    static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** User + system CPU of the processes in clock ticks (fields 14 and 15 of /proc/pid/stat); -1 when unreadable. */
    static long cpuTicks(List<Integer> pids) {
        long ticks = 0;
        for (int pid : pids) {
            try {
                ticks += ThreadGroupsCpu.cpuTicks(Files.readString(Path.of("/proc", Integer.toString(pid), "stat")));
            } catch (Exception e) {
                return -1;
            }
        }
        return pids.isEmpty() ? -1 : ticks;
    }

    static List<Long> run(CatalogueSearch search, int searchers, int searches, long seed) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(searchers);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int t = 0; t < searchers; t++) {
            SplittableRandom random = new SplittableRandom(seed * 1000 + t);
            futures.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < searches; i++) {
                    CatalogueSearch.Query query = query(random);
                    long start = System.nanoTime();
                    try {
                        search.search(query);
                    } catch (CatalogueSearch.Busy busy) {
                        BUSY.incrementAndGet(); // its latency is the wait: counted as well
                    }
                    mine.add(System.nanoTime() - start);
                }
                return mine;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> future : futures) {
            all.addAll(future.get());
        }
        pool.shutdown();
        return all;
    }

    static CatalogueSearch.Query query(SplittableRandom random) {
        String text = WORDS[random.nextInt(WORDS.length)];
        if (random.nextInt(100) < 40) {
            text += " " + WORDS[random.nextInt(WORDS.length)];
        }
        String domain = random.nextInt(100) < 30 ? DOMAINS[random.nextInt(DOMAINS.length)] : null;
        String priceModel = random.nextInt(100) < 10 ? PRICE_MODELS[random.nextInt(PRICE_MODELS.length)] : null;
        return new CatalogueSearch.Query(text, domain, priceModel, null, 0, 20);
    }

    static double pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    private SearchBenchmark() {}
}
