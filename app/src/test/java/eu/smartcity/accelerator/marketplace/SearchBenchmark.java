package eu.smartcity.accelerator.marketplace;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import eu.smartcity.accelerator.marketplace.catalogue.CatalogueSearch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Marketplace search benchmark (not a test; run by scripts/benchmark-marketplace-search.sh): N
 * concurrent searchers each run the same {@link CatalogueSearch} the portal and the API use (a page
 * of 20 hits by relevance, the domain facet and the price-model facet: three statements) with a
 * query mix of one or two words, 30 % with a domain filter and 10 % with a price-model filter.
 * Prints p50/p95/p99 latency per search and the throughput.
 * Properties: url, user, password, searchers (20), searches (per searcher, 100), warmup (per searcher, 10), seed.
 */
public final class SearchBenchmark {

    static final String[] WORDS = {"parking", "sensor", "traffic", "bike", "bus", "charging", "lighting", "energy", "solar", "waste",
            "container", "air", "noise", "quality", "water", "flood", "tree", "crowd", "citizen", "budget", "school", "delivery",
            "mobility", "dashboard", "platform", "data", "forecast", "monitoring", "alert", "booking", "health", "emergency",
            "canal", "drone", "lorawan", "meter", "leak", "grid", "battery", "tram", "accessibility", "permit"};
    static final String[] DOMAINS = {"mobility", "parking", "energy", "waste", "environment", "public-space",
            "citizen-participation", "water", "safety", "health", "other"};
    static final String[] PRICE_MODELS = {"subscription", "licence", "one-off", "pay-per-use", "open-source"};

    public static void main(String[] args) throws Exception {
        int searchers = Integer.getInteger("searchers", 20);
        int searches = Integer.getInteger("searches", 100);
        int warmup = Integer.getInteger("warmup", 10);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(System.getProperty("url", "jdbc:postgresql://localhost:5432/accelerator_bench_market"));
        config.setUsername(System.getProperty("user", "accelerator"));
        config.setPassword(System.getProperty("password", "accelerator"));
        config.setMaximumPoolSize(searchers);
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            CatalogueSearch search = new CatalogueSearch(dataSource);
            long solutions = search.search(new CatalogueSearch.Query(null, null, null, null, 0, 1)).total();
            System.out.printf(Locale.ROOT, "catalogue: %,d solutions; full-text index: %s; %d searchers x %d searches (+%d warm-up)%n",
                    solutions, search.fullTextIndex(), searchers, searches, warmup);
            run(search, searchers, warmup, 1L);
            long started = System.nanoTime();
            List<Long> latencies = run(search, searchers, searches, Long.getLong("seed", 42L));
            double seconds = (System.nanoTime() - started) / 1e9;
            Collections.sort(latencies);
            System.out.printf(Locale.ROOT, "searches: %d in %.1f s = %.1f searches/s%n", latencies.size(), seconds, latencies.size() / seconds);
            System.out.printf(Locale.ROOT, "latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", pct(latencies, 0.50),
                    pct(latencies, 0.95), pct(latencies, 0.99), latencies.get(latencies.size() - 1) / 1e6);
        }
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
                    search.search(query);
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
