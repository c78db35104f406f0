package eu.smartcity.accelerator.marketplace.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
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
 * stored tsvector with a GIN index (db/vendor/postgresql); results ordered by {@code ts_rank}.</li>
 * <li><b>H2</b>: {@code search_text LIKE '%word%'} per word over the lower-cased column (a scan;
 * also matches inside words); results ordered by name.</li>
 * </ul>
 * A facet's counts apply every filter but its own, so choosing a domain still shows how many hits the
 * other domains have. Three statements per search: the page, the domain facet, the price-model facet (on
 * PostgreSQL without a domain or price-model filter both facets come from one GROUPING SETS pass).
 * Used by the portal, the public API and the search benchmark alike.
 */
public class CatalogueSearch {

    public static final int MAX_TERMS = 8;

    public record Query(String text, String domain, String priceModel, String supplier, int page, int size) {

        public List<String> terms() {
            List<String> terms = new ArrayList<>();
            if (text != null) {
                for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                    if (word.length() >= 2 && terms.size() < MAX_TERMS && !terms.contains(word)) {
                        terms.add(word);
                    }
                }
            }
            return terms;
        }
    }

    public record Hit(UUID id, String name, String supplierGroup, String domain, String description, int trl, String priceModel,
            BigDecimal indicativeCost) {}

    public record Result(List<Hit> hits, long total, Map<String, Long> domains, Map<String, Long> priceModels, int page, int size) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    private static final RowMapper<Hit> HIT = (rs, n) -> new Hit(rs.getObject("id", UUID.class), rs.getString("name"),
            rs.getString("supplier_group"), rs.getString("domain"), rs.getString("description"), rs.getInt("trl"),
            rs.getString("price_model"), rs.getBigDecimal("indicative_cost"));

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    public CatalogueSearch(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database product", e);
        }
    }

    public boolean fullTextIndex() {
        return postgres;
    }

    public Result search(Query query) {
        List<String> terms = query.terms();
        Filter all = filter(query, terms, true, true);
        List<Object> args = new ArrayList<>(all.args);
        String order;
        if (postgres && !terms.isEmpty()) {
            order = " ORDER BY ts_rank(search_vector, to_tsquery('simple', ?)) DESC, name, id";
            args.add(tsQuery(terms));
        } else {
            order = " ORDER BY name, id";
        }
        args.add(query.size());
        args.add((long) query.page() * query.size());
        List<Hit> hits = jdbc.query("SELECT id, name, supplier_group, domain, description, trl, price_model, indicative_cost"
                + " FROM market_solution" + all.where + order + " LIMIT ? OFFSET ?", HIT, args.toArray());
        Map<String, Long> domains;
        Map<String, Long> priceModels;
        if (postgres && query.domain() == null && query.priceModel() == null) {
            // both facets over the same rows: one pass with GROUPING SETS instead of two
            domains = new LinkedHashMap<>();
            priceModels = new LinkedHashMap<>();
            Map<String, Long> d = domains;
            Map<String, Long> p = priceModels;
            Filter same = filter(query, terms, true, true);
            jdbc.query("SELECT GROUPING(domain) AS by_price, domain, price_model, COUNT(*) AS n FROM market_solution" + same.where
                    + " GROUP BY GROUPING SETS ((domain), (price_model)) ORDER BY n DESC, domain, price_model", rs -> {
                        if (rs.getInt("by_price") == 1) {
                            p.put(rs.getString("price_model"), rs.getLong("n"));
                        } else {
                            d.put(rs.getString("domain"), rs.getLong("n"));
                        }
                    }, same.args.toArray());
        } else {
            domains = facet("domain", filter(query, terms, false, true));
            priceModels = facet("price_model", filter(query, terms, true, false));
        }
        long total = query.domain() != null ? domains.getOrDefault(query.domain(), 0L)
                : domains.values().stream().mapToLong(Long::longValue).sum();
        return new Result(hits, total, domains, priceModels, query.page(), query.size());
    }

    private Map<String, Long> facet(String column, Filter filter) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT " + column + " AS v, COUNT(*) AS n FROM market_solution" + filter.where + " GROUP BY " + column
                + " ORDER BY n DESC, v", rs -> {
                    counts.put(rs.getString("v"), rs.getLong("n"));
                }, filter.args.toArray());
        return counts;
    }

    private record Filter(String where, List<Object> args) {}

    private Filter filter(Query query, List<String> terms, boolean withDomain, boolean withPriceModel) {
        List<String> conditions = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (!terms.isEmpty()) {
            if (postgres) {
                conditions.add("search_vector @@ to_tsquery('simple', ?)");
                args.add(tsQuery(terms));
            } else {
                for (String term : terms) {
                    conditions.add("search_text LIKE ?");
                    args.add("%" + term + "%");
                }
            }
        }
        if (withDomain && query.domain() != null) {
            conditions.add("domain = ?");
            args.add(query.domain());
        }
        if (withPriceModel && query.priceModel() != null) {
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
