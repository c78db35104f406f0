package eu.smartcity.accelerator.marketplace.catalogue;

import eu.smartcity.accelerator.shared.Turns;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Full-text search over the catalogue with facet counts, in plain SQL so PostgreSQL can use its GIN
 * index. Every word of the query must match (AND), as a word prefix:
 * <ul>
 * <li><b>PostgreSQL</b>: {@code search_vector @@ to_tsquery('simple', 'word1:* & word2:*')} over the
 * stored tsvector; results ordered by {@code ts_rank}. The rows come from a GIN index over every prefix of every
 * lexeme ({@code search_prefixes @@ 'word1 & word2'}, db/vendor/postgresql/V150): each word is
 * one exact index entry, not a GIN partial match, whose bitmap of every matching posting was the cost at 1,000,000
 * solutions; so is a domain or price-model filter. With words of at most 32 characters that index condition alone
 * selects exactly the rows of the prefix query; a longer word adds the prefix query, which then decides. The catalogue
 * is in 16 hash partitions by id (db/vendor/postgresql/V161), so the capped statement below is an Append of one
 * bitmap scan per partition that its LIMIT stops in the first partitions holding enough matches: the cap bounds the
 * index work, not only the heap reads.</li>
 * <li><b>H2</b>: per word {@code id IN (SELECT solution_id FROM market_solution_word WHERE word >= 'park' AND word < 'park' || U+FFFF)}:
 * a range of the primary key of a table of every solution's words (db/vendor/h2/V160, kept by {@link SolutionWordsTrigger}),
 * so a word prefix, as on PostgreSQL, found through indexes instead of a scan; results ordered by name.</li>
 * </ul>
 * A facet's counts apply every filter but its own, so choosing a domain still shows how many hits the
 * other domains have. On H2 three statements per search: the page, the domain facet, the price-model facet. On
 * PostgreSQL a search with words is one statement: it reads the page's matches once and returns the page, the facets
 * and the number of matches (see {@code searchWordsPostgres}); a facet without its filter's rows reads those in a CTE
 * of the same statement.
 * <p>
 * <b>Bounded work</b> (a search with words): common words match 10&ndash;100 % of a large catalogue, and
 * ranking or counting every match made a search take seconds at 1,000,000 solutions. So each statement
 * reads at most {@code cap + 1} matches (the first ones the index hands out: in storage order; on PostgreSQL of the first hash partitions,
 * with a {@code LIMIT} inside a subquery): the page is the best-ranked of those, the total is exact up
 * to {@code cap} and otherwise reported as {@code cap} with {@link Result#totalCapped()} ("more than 250"),
 * and facet counts over more than {@code cap} matches are lower bounds ({@link Result#facetsCapped()}).
 * Below the cap (every realistic catalogue query with specific words, the demo data) nothing changes.
 * Browsing without words is not capped (exact counts; the page by name uses an index on PostgreSQL, and its facets
 * read the counts per domain and price model that triggers keep, db/vendor/postgresql/V196).
 * <p>
 * <b>Admission</b>: at most {@code concurrentSearches} searches run at once (by default two per processor);
 * the others wait their turn in arrival order (a fair semaphore), at most {@code queueWait}, and then get
 * {@link Busy}. A search is CPU work of PostgreSQL and of this JVM; twenty of them at once on two cores share the
 * processors, so each took its own work times everyone else's, and a long one (a narrow search reads 16 partitions)
 * took many times its share. In turn, a search waits for the ones ahead and then shares the processors with only a few
 * others: the same work, a narrower tail (docs/performance.md, "Admission").
 * Used by the portal, the public API and the search benchmark alike.
 */
public class CatalogueSearch {

    public static final int MAX_TERMS = 8;
    /**
     * Matches read per search with words (see the class comment), {@code accelerator.marketplace.search-cap}. A search's
     * work grows with it, about 2 µs of PostgreSQL per match at 100,000 solutions and 5 µs at 1,000,000 (one heap block
     * each), so it is what 20 concurrent searchers on 2 cores can afford: 250 shows more than 12 pages of 20 hits, more
     * than anyone pages through before adding a word (docs/performance.md, "One statement per search, cap 250").
     */
    public static final int DEFAULT_CAP = 250;

    /** How long a search waits for its turn by default ({@code accelerator.marketplace.search-queue-wait}). */
    public static final Duration DEFAULT_QUEUE_WAIT = Duration.ofSeconds(2);

    /**
     * Searches that may run at once by default ({@code accelerator.marketplace.concurrent-searches}): two per processor. A
     * search alternates between this JVM and PostgreSQL, with a network round trip in between, so one per processor leaves
     * processors idle; on 2 cores 4 gave the narrowest tail of 2, 3, 4 and 20 (docs/performance.md, "Admission").
     */
    public static int defaultConcurrentSearches() {
        return 2 * Runtime.getRuntime().availableProcessors();
    }

    /**
     * More searches were waiting than could run within the queue wait: the page says "busy, try again" and the API answers
     * 503 with {@code Retry-After}; nothing was searched, and no demand is counted ({@link Catalogue#search} counts it after
     * the search).
     */
    public static final class Busy extends RuntimeException {

        /** Seconds after which a retry is likely to be admitted: the queue drains in well under one. */
        public static final int RETRY_AFTER_SECONDS = 1;

        Busy(Duration waited) {
            super("The catalogue search is busy: no turn within " + waited.toMillis() + " ms");
        }
    }

    public record Query(String text, String domain, String priceModel, String supplier, int page, int size) {

        public List<String> terms() {
            List<String> terms = new ArrayList<>();
            if (text != null) {
                for (String word : words(text)) {
                    if (word.length() >= 2 && terms.size() < MAX_TERMS && !terms.contains(word)) {
                        terms.add(word);
                    }
                }
            }
            return terms;
        }
    }

    /** Longest word the H2 word table holds (db/vendor/h2/V160); a longer one is stored as its first 64 characters. */
    static final int STORED_WORD = 64;

    /** The words of a text: lower case, split at everything that is not a letter or a digit. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** What the H2 word table holds for a search text: each distinct word of two characters or more, cut to 64. */
    static java.util.Set<String> storedWords(String text) {
        java.util.Set<String> stored = new java.util.LinkedHashSet<>();
        for (String word : words(text)) {
            if (word.length() >= 2) {
                stored.add(word.length() > STORED_WORD ? word.substring(0, STORED_WORD) : word);
            }
        }
        return stored;
    }

    public record Hit(UUID id, String name, String supplierGroup, String domain, String description, int trl, String priceModel,
            BigDecimal indicativeCost) {}

    /**
     * {@code totalCapped}: more than {@code cap} solutions match; {@code total} is then {@code cap} (show "cap+"), and
     * the pages go up to the cap. {@code facetsCapped}: a facet was counted over more than {@code cap} matches, so
     * its counts are lower bounds.
     */
    public record Result(List<Hit> hits, long total, Map<String, Long> domains, Map<String, Long> priceModels, int page, int size,
            boolean totalCapped, boolean facetsCapped, int cap) {

        public Result(List<Hit> hits, long total, Map<String, Long> domains, Map<String, Long> priceModels, int page, int size) {
            this(hits, total, domains, priceModels, page, size, false, false, Integer.MAX_VALUE);
        }

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    private static final RowMapper<Hit> HIT = (rs, n) -> new Hit(rs.getObject("id", UUID.class), rs.getString("name"),
            rs.getString("supplier_group"), rs.getString("domain"), rs.getString("description"), rs.getInt("trl"),
            rs.getString("price_model"), rs.getBigDecimal("indicative_cost"));

    /**
     * The prefix query as an InitPlan, parsed once per statement. JDBC sends a statement used five times on a connection
     * as a prepared one and PostgreSQL then runs a generic plan, where a plain {@code to_tsquery('simple', $1)} outside an
     * index condition is parsed again for every row: for ts_rank that was 13 % of PostgreSQL's profile samples per search
     * (docs/performance.md, "Admission"). Not for the index conditions: those are evaluated once per partition scanned,
     * and a subquery there would hide the words from the planner's estimates.
     */
    private static final String ONCE_PER_STATEMENT = "(SELECT to_tsquery('simple', ?))";

    private static final String COLUMNS = "id, name, supplier_group, domain, description, trl, price_model, indicative_cost";

    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final int cap;
    private final Turns turns;

    public CatalogueSearch(DataSource dataSource) {
        this(dataSource, DEFAULT_CAP);
    }

    public CatalogueSearch(DataSource dataSource, int cap) {
        this(dataSource, cap, defaultConcurrentSearches(), DEFAULT_QUEUE_WAIT);
    }

    public CatalogueSearch(DataSource dataSource, int cap, int concurrentSearches, Duration queueWait) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be positive: " + cap);
        }
        this.jdbc = new JdbcTemplate(dataSource);
        this.cap = cap;
        this.turns = new Turns(concurrentSearches, queueWait);
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database product", e);
        }
    }

    public boolean fullTextIndex() {
        return postgres;
    }

    public int cap() {
        return cap;
    }

    public int concurrentSearches() {
        return turns.atOnce();
    }

    /** Searches waiting for their turn now (an estimate, as {@link Turns#waiting()}). */
    public int waiting() {
        return turns.waiting();
    }

    /** Runs the search in its turn (see "Admission" in the class comment); {@link Busy} when no turn came within the queue wait. */
    public Result search(Query query) {
        List<String> terms = query.terms();
        if (!turns.take()) {
            throw new Busy(turns.maxWait());
        }
        try {
            return terms.isEmpty() ? browse(query) : searchWords(query, terms);
        } finally {
            turns.release();
        }
    }

    /** With words: every statement reads at most cap + 1 matches. */
    private Result searchWords(Query query, List<String> terms) {
        return postgres ? searchWordsPostgres(query, terms) : searchWordsPortable(query, terms);
    }

    /**
     * PostgreSQL: one statement per search. It reads the page's matches once (a MATERIALIZED CTE, at most cap + 1 rows,
     * with the columns a hit shows and the rank) and returns the page (a top-N sort of those rows), the facets and the
     * number of matches. A facet leaves out its own filter: without a domain filter the domain facet counts the page's
     * matches; with one it counts the matches without it, read by a second CTE of the same statement (at most cap + 1
     * rows, the domain only), and likewise for the price model. The hits come from the CTE, not from a join back to
     * the catalogue: such a join is planned and started over all 16 partitions (a third of the statement's CPU at
     * 100,000 solutions), while copying the shown columns of cap + 1 rows is cheap (a long description stays
     * compressed or TOAST-ed until one of the page's rows is sent).
     */
    private Result searchWordsPostgres(Query query, List<String> terms) {
        Filter all = filter(query, terms, true, true);
        boolean domainsHere = query.domain() == null;
        boolean pricesHere = query.priceModel() == null;
        List<Object> args = new ArrayList<>();
        args.add(tsQuery(terms));
        args.addAll(all.args);
        args.add(cap + 1);
        StringBuilder sql = new StringBuilder("WITH m AS MATERIALIZED (SELECT " + COLUMNS
                + ", ts_rank(search_vector, " + ONCE_PER_STATEMENT + ") AS r FROM market_solution" + all.where + " LIMIT ?)");
        if (!domainsHere) {
            Filter withoutDomain = filter(query, terms, false, true);
            sql.append(", d AS MATERIALIZED (SELECT domain FROM market_solution").append(withoutDomain.where).append(" LIMIT ?)");
            args.addAll(withoutDomain.args);
            args.add(cap + 1);
        }
        if (!pricesHere) {
            Filter withoutPriceModel = filter(query, terms, true, false);
            sql.append(", pm AS MATERIALIZED (SELECT price_model FROM market_solution").append(withoutPriceModel.where).append(" LIMIT ?)");
            args.addAll(withoutPriceModel.args);
            args.add(cap + 1);
        }
        long offset = (long) query.page() * query.size();
        args.add(Math.max(0, Math.min(query.size(), cap - offset))); // pages end at the cap
        args.add(offset);
        String nulls = ", CAST(NULL AS real), CAST(NULL AS uuid), CAST(NULL AS varchar), CAST(NULL AS varchar), CAST(NULL AS varchar),"
                + " CAST(NULL AS varchar), CAST(NULL AS integer), CAST(NULL AS varchar), CAST(NULL AS numeric), ";
        sql.append(" (SELECT 0 AS kind, r, ").append(COLUMNS).append(", CAST(NULL AS varchar) AS v, CAST(NULL AS bigint) AS n")
                .append(" FROM m ORDER BY r DESC, name, id LIMIT ? OFFSET ?)")
                .append(" UNION ALL SELECT 1").append(nulls).append("domain, COUNT(*) FROM ").append(domainsHere ? "m" : "d")
                .append(" GROUP BY domain")
                .append(" UNION ALL SELECT 2").append(nulls).append("price_model, COUNT(*) FROM ").append(pricesHere ? "m" : "pm")
                .append(" GROUP BY price_model")
                .append(" UNION ALL SELECT 3").append(nulls).append("NULL, (SELECT COUNT(*) FROM m)")
                .append(" ORDER BY kind, r DESC, name, id, n DESC, v");
        List<Hit> hits = new ArrayList<>();
        Map<String, Long> domains = new LinkedHashMap<>();
        Map<String, Long> priceModels = new LinkedHashMap<>();
        long[] matched = {0};
        jdbc.query(sql.toString(), rs -> {
            switch (rs.getInt("kind")) {
                case 0 -> hits.add(HIT.mapRow(rs, hits.size()));
                case 1 -> domains.put(rs.getString("v"), rs.getLong("n"));
                case 2 -> priceModels.put(rs.getString("v"), rs.getLong("n"));
                default -> matched[0] = rs.getLong("n");
            }
        }, args.toArray());
        boolean facetsCapped = sum(domains) > cap || sum(priceModels) > cap;
        return new Result(hits, Math.min(matched[0], cap), domains, priceModels, query.page(), query.size(), matched[0] > cap,
                facetsCapped, cap);
    }

    /** H2 (and any other database): the page, then each facet, every statement over at most cap + 1 matches. */
    private Result searchWordsPortable(Query query, List<String> terms) {
        Filter all = filter(query, terms, true, true);
        Statement page = portablePage(query, all);
        long[] matched = {-1};
        List<Hit> hits = jdbc.query(page.sql(), (rs, n) -> {
            matched[0] = rs.getLong("matched");
            return HIT.mapRow(rs, n);
        }, page.args().toArray());
        if (matched[0] < 0) { // no row on this page: count the matches on their own
            List<Object> countArgs = new ArrayList<>(all.args);
            countArgs.add(cap + 1);
            matched[0] = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 AS x FROM market_solution" + all.where + " LIMIT ?) m",
                    Long.class, countArgs.toArray());
        }
        Map<String, Long> domains = facet("domain", filter(query, terms, false, true), cap + 1);
        Map<String, Long> priceModels = facet("price_model", filter(query, terms, true, false), cap + 1);
        boolean facetsCapped = sum(domains) > cap || sum(priceModels) > cap;
        return new Result(hits, Math.min(matched[0], cap), domains, priceModels, query.page(), query.size(), matched[0] > cap,
                facetsCapped, cap);
    }

    private record Statement(String sql, List<Object> args) {}

    private Statement portablePage(Query query, Filter all) {
        List<Object> args = new ArrayList<>(all.args);
        args.add(cap + 1);
        long offset = (long) query.page() * query.size();
        args.add(Math.max(0, Math.min(query.size(), cap - offset))); // pages end at the cap
        args.add(offset);
        return new Statement("SELECT " + COLUMNS + ", COUNT(*) OVER () AS matched FROM (SELECT " + COLUMNS + " FROM market_solution"
                + all.where + " LIMIT ?) m ORDER BY name, id LIMIT ? OFFSET ?", args);
    }

    /**
     * The database's plan (EXPLAIN, not run) of the statement that finds a search's matches: on H2 the page statement of
     * {@link #searchWordsPortable}, on PostgreSQL the matches of {@link #searchWordsPostgres} (its CTE). For tests and
     * docs/performance.md: it shows which index finds the rows.
     */
    public String plan(Query query) {
        return plan(query, false);
    }

    /** As {@link #plan(Query)}; with {@code analyze} the statement runs (EXPLAIN ANALYZE) and the plan says what it did. */
    public String plan(Query query, boolean analyze) {
        List<String> terms = query.terms();
        Filter all = filter(query, terms, true, true);
        Statement statement;
        if (postgres) {
            List<Object> args = new ArrayList<>(all.args);
            args.add(cap + 1);
            statement = new Statement("SELECT id FROM market_solution" + all.where + " LIMIT ?", args);
        } else {
            statement = portablePage(query, all);
        }
        String explain = analyze ? (postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ANALYZE ") : "EXPLAIN ";
        return String.join("\n", jdbc.queryForList(explain + statement.sql(), String.class, statement.args().toArray()));
    }

    /**
     * Without words: exact counts, the page by name. On PostgreSQL the facets (and so the total) of a browse without a
     * supplier filter come from the counts per domain and price model (db/vendor/postgresql/V196, at most one row per
     * pair) instead of counting the whole catalogue on every page view.
     */
    private Result browse(Query query) {
        Filter all = filter(query, List.of(), true, true);
        List<Object> args = new ArrayList<>(all.args);
        args.add(query.size());
        args.add((long) query.page() * query.size());
        List<Hit> hits = jdbc.query("SELECT " + COLUMNS + " FROM market_solution" + all.where + " ORDER BY name, id LIMIT ? OFFSET ?",
                HIT, args.toArray());
        Map<String, Long> domains = browseFacet("domain", query, false, true);
        Map<String, Long> priceModels = browseFacet("price_model", query, true, false);
        long total = query.domain() != null ? domains.getOrDefault(query.domain(), 0L) : sum(domains);
        return new Result(hits, total, domains, priceModels, query.page(), query.size());
    }

    private Map<String, Long> browseFacet(String column, Query query, boolean withDomain, boolean withPriceModel) {
        Filter filter = filter(query, List.of(), withDomain, withPriceModel);
        if (!postgres || query.supplier() != null) {
            return facet(column, filter, 0);
        }
        // without words and supplier the filter's conditions are on domain and price_model, columns of the count table too
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(browseFacetSql(column, filter), rs -> {
            counts.put(rs.getString("v"), rs.getLong("n"));
        }, filter.args.toArray());
        return counts;
    }

    private static String browseFacetSql(String column, Filter filter) {
        return "SELECT " + column + " AS v, SUM(solutions) AS n FROM market_solution_count" + filter.where + " GROUP BY " + column
                + " ORDER BY n DESC, v";
    }

    /** The database's plan (EXPLAIN ANALYZE) of a browse's domain facet: on PostgreSQL it reads the count table only. */
    public String browseFacetPlan(Query query) {
        Filter filter = filter(query, List.of(), false, true);
        String sql = postgres && query.supplier() == null ? browseFacetSql("domain", filter)
                : "SELECT domain AS v, COUNT(*) AS n FROM market_solution" + filter.where + " GROUP BY domain ORDER BY n DESC, v";
        String explain = postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ANALYZE ";
        return String.join("\n", jdbc.queryForList(explain + sql, String.class, filter.args.toArray()));
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Counts per value of the column; over at most {@code limit} matching rows when limit &gt; 0. */
    private Map<String, Long> facet(String column, Filter filter, int limit) {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<Object> args = new ArrayList<>(filter.args);
        String from;
        if (limit > 0) {
            from = " FROM (SELECT " + column + " FROM market_solution" + filter.where + " LIMIT ?) m";
            args.add(limit);
        } else {
            from = " FROM market_solution" + filter.where;
        }
        jdbc.query("SELECT " + column + " AS v, COUNT(*) AS n" + from + " GROUP BY " + column + " ORDER BY n DESC, v",
                rs -> {
                    counts.put(rs.getString("v"), rs.getLong("n"));
                }, args.toArray());
        return counts;
    }

    private record Filter(String where, List<Object> args) {}

    private Filter filter(Query query, List<String> terms, boolean withDomain, boolean withPriceModel) {
        List<String> conditions = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (!terms.isEmpty()) {
            if (postgres) {
                // the index condition (one exact GIN entry per word, db/vendor/postgresql/V150) finds exactly the rows
                // of the prefix query on search_vector when no word is longer than the indexed prefixes (a word w
                // prefixes a lexeme l iff w is one of l's prefixes of 2 to 32 characters); a longer word looks up its
                // first 32 characters, and then the prefix query decides, as before
                if (terms.stream().anyMatch(t -> t.length() > INDEXED_PREFIX)) {
                    conditions.add("search_vector @@ " + ONCE_PER_STATEMENT);
                    args.add(tsQuery(terms));
                }
                // a domain or price-model filter is an entry of the same index too ('=domain=parking', exact): one GIN
                // intersection instead of a btree bitmap of the whole domain ANDed in
                String filters = filterLexemes(withDomain ? query.domain() : null, withPriceModel ? query.priceModel() : null);
                args.add(prefixIndexQuery(terms));
                if (filters.isEmpty()) {
                    conditions.add("search_prefixes @@ to_tsquery('simple', ?)");
                } else {
                    conditions.add("search_prefixes @@ (to_tsquery('simple', ?) && CAST(? AS tsquery))");
                    args.add(filters);
                }
            } else {
                // each word a range of the word table's primary key (db/vendor/h2/V160): the words it is a prefix of
                for (String term : terms) {
                    String stored = term.length() > STORED_WORD ? term.substring(0, STORED_WORD) : term;
                    conditions.add("id IN (SELECT solution_id FROM market_solution_word WHERE word >= ? AND word < ?)");
                    args.add(stored);
                    args.add(stored + Character.MAX_VALUE);
                    if (term.length() > STORED_WORD) { // the table holds a long word's first 64 characters: the text decides the rest
                        conditions.add("search_text LIKE ?");
                        args.add("%" + term + "%");
                    }
                }
            }
        }
        // on PostgreSQL with words a plain domain or price model is decided by its lexeme in the index condition above
        boolean lexemes = postgres && !terms.isEmpty();
        if (withDomain && query.domain() != null && !(lexemes && plain(query.domain()))) {
            conditions.add("domain = ?");
            args.add(query.domain());
        }
        if (withPriceModel && query.priceModel() != null && !(lexemes && plain(query.priceModel()))) {
            conditions.add("price_model = ?");
            args.add(query.priceModel());
        }
        if (query.supplier() != null) {
            conditions.add("supplier_group = ?");
            args.add(query.supplier());
        }
        return new Filter(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), args);
    }

    /** Terms are letters and digits only (see {@link Query#terms()}), so nothing in them is tsquery syntax. */
    static String tsQuery(List<String> terms) {
        return String.join(" & ", terms.stream().map(t -> t + ":*").toList());
    }

    /** Longest prefix the PostgreSQL prefix index holds (db/vendor/postgresql/V150__marketplace_prefix_index.sql). */
    static final int INDEXED_PREFIX = 32;

    /**
     * The same words as exact lexemes of the prefix index: a word matches the lexemes it is a prefix of, and the index
     * holds each lexeme's prefixes up to {@link #INDEXED_PREFIX} characters, so a longer word looks up its first 32.
     */
    static String prefixIndexQuery(List<String> terms) {
        return String.join(" & ", terms.stream().map(t -> t.length() > INDEXED_PREFIX ? t.substring(0, INDEXED_PREFIX) : t).toList());
    }

    private static final java.util.regex.Pattern PLAIN_VALUE = java.util.regex.Pattern.compile("[a-z0-9-]{1,40}");

    /**
     * The filters as lexemes of the prefix index ({@code '=domain=parking' & '=price=licence'}, never a word of a text:
     * the parser makes no lexeme with '='), which then decide the filter; a value that is not plain lower case is left
     * to the equality condition. Empty without such filters.
     */
    static String filterLexemes(String domain, String priceModel) {
        List<String> lexemes = new ArrayList<>();
        if (domain != null && plain(domain)) {
            lexemes.add("'=domain=" + domain + "'");
        }
        if (priceModel != null && plain(priceModel)) {
            lexemes.add("'=price=" + priceModel + "'");
        }
        return String.join(" & ", lexemes);
    }

    private static boolean plain(String value) {
        return PLAIN_VALUE.matcher(value).matches();
    }

    /**
     * The candidates the guided filter hands to the {@code solution-matching} decision: solutions of the
     * domain, those within budget and proven for the city's size first, then the higher TRL.
     */
    public List<UUID> candidates(String domain, BigDecimal budget, long population, int limit) {
        return jdbc.queryForList("SELECT id FROM market_solution WHERE domain = ? ORDER BY"
                + " CASE WHEN indicative_cost <= ? THEN 0 ELSE 1 END, CASE WHEN min_population <= ? THEN 0 ELSE 1 END,"
                + " trl DESC, id LIMIT ?", UUID.class, domain, budget, population, limit);
    }
}
