package eu.smartcity.accelerator.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.marketplace.catalogue.CatalogueSearch;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The catalogue search finds and orders a small fixed data set exactly as the plain statement it replaced, checked the
 * same way on H2 ({@link MarketplaceTest}) and PostgreSQL ({@link MarketplaceSearchPostgresIT}). On PostgreSQL the
 * reference is the statement before the prefix index (db/vendor/postgresql/V150): {@code search_vector @@ 'w:* & …'}
 * ordered by {@code ts_rank}, then name, then id; on H2 a regular expression per word over every row (the word starts
 * the text or follows a character that is neither letter nor digit), ordered by name, id — the rule the word table
 * (db/vendor/h2/V160) replaced {@code search_text LIKE '%w%'} with: a word prefix, as on PostgreSQL.
 * The fixed rows use made-up words ("quorvex", "lantern" …) so the demo catalogue does not take part, and include a
 * word that only prefixes a longer one, a hyphenated word, a word of more than 32 characters, equal texts (ties
 * broken by name) and equal names (ties broken by id).
 */
final class SearchRankingCheck {

    static final String SUPPLIER = "company-ranking-check";
    static final String LONG_WORD = "quorvexsupercalifragilisticexpialidocious"; // 41 characters

    static void check(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        boolean postgres = postgres(dataSource);
        List<Object[]> rows = List.of(
                row("Quorvex alpha", "mobility", "subscription", "quorvex quorvex quorvex lantern"),
                row("Quorvex beta", "energy", "licence", "quorvex lantern lanterns"),
                row("Quorvex gamma", "energy", "subscription", "quorvexing street lantern"),
                row("Quorvex delta", "mobility", "one-off", "quorvex bench"),
                row("Quorvex epsilon", "mobility", "one-off", "quorvex bench"),
                row("Quorvex twin", "water", "licence", "quorvex twin lantern"),
                row("Quorvex twin", "water", "licence", "quorvex twin lantern"),
                row("Lantern only", "energy", "licence", "lantern lantern lanternfish"),
                row("Quorvex hyphen", "safety", "open-source", "ngsi-ld quorvex-ld lantern"),
                row("Quorvex long", "safety", "open-source", LONG_WORD + " lantern"));
        try {
            for (Object[] row : rows) {
                jdbc.update("INSERT INTO market_solution (id, supplier_group, name, domain, description, trl, price_model, indicative_cost,"
                        + " min_population, needs_city_data, procurement_route, search_text, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, 5, ?, 10000, 0, FALSE, 'any', ?, ?)", row);
            }
            CatalogueSearch search = new CatalogueSearch(dataSource);
            // {text, domain, price model}; "Energy" is not a plain value (PostgreSQL: no index lexeme, the equality decides)
            String[][] queries = {{"quorvex", null, null}, {"quorvex lantern", null, null}, {"lant", null, null},
                    {"quorv lantern", "energy", null}, {"quorvex", null, "licence"}, {"quorvex", "mobility", "one-off"},
                    {"quorvex", "Energy", null}, {"lantern", "energy", "licence"}, {"lantern twin", null, null}, {"ngsi quorvex", null, null},
                    {LONG_WORD, null, null}, {LONG_WORD.substring(0, 35), null, null}, {"quorvexsupercalifragilisticexpialidociousx", null, null},
                    {"quorvex zzqqxx", null, null}, {"vex", null, null}, {"antern", null, null}, {"ld quorvex", null, null}, {"lanternf", null, null}};
            for (String[] q : queries) {
                List<UUID> expected = reference(jdbc, postgres, q[0], q[1], q[2]);
                CatalogueSearch.Result all = search.search(new CatalogueSearch.Query(q[0], q[1], q[2], null, 0, 50));
                assertThat(all.hits()).as(q[0]).extracting(CatalogueSearch.Hit::id).isEqualTo(expected);
                assertThat(all.total()).as(q[0]).isEqualTo(expected.size());
                if (q[1] != null) { // the domain facet leaves the domain filter out: its count for the domain is the total
                    assertThat(all.domains().getOrDefault(q[1], 0L)).as(q[0] + " facet").isEqualTo(expected.size());
                }
                // paging cuts the same order
                List<UUID> paged = new ArrayList<>();
                for (int page = 0; page * 2 <= expected.size(); page++) {
                    search.search(new CatalogueSearch.Query(q[0], q[1], q[2], null, page, 2)).hits().forEach(h -> paged.add(h.id()));
                }
                assertThat(paged).as(q[0] + " paged").isEqualTo(expected);
            }
            // the data set does what it is meant to: prefixes, ties by name and by id, long words
            List<String> quorvex = names(search, "quorvex");
            assertThat(quorvex).contains("Quorvex gamma", "Quorvex hyphen", "Quorvex long").doesNotContain("Lantern only");
            assertThat(names(search, LONG_WORD.substring(0, 35))).containsExactly("Quorvex long");
            assertThat(names(search, LONG_WORD + "x")).isEmpty();
            // a word prefix, never the inside of a word (H2 matched "vex" in "quorvex" with LIKE before V160)
            assertThat(names(search, "vex")).isEmpty();
            assertThat(names(search, "ld quorvex")).containsExactly("Quorvex hyphen");
            assertThat(names(search, "lanternf")).containsExactly("Lantern only");
            assertThat(quorvex.indexOf("Quorvex delta")).isEqualTo(quorvex.indexOf("Quorvex epsilon") - 1);
            if (postgres) { // the text saying "quorvex" four times ranks before those saying it twice, which go by name
                assertThat(quorvex.indexOf("Quorvex alpha")).isLessThan(quorvex.indexOf("Quorvex delta"));
                assertThat(quorvex).isNotEqualTo(quorvex.stream().sorted().toList());
            } else {
                assertThat(quorvex).isSorted();
            }
        } finally {
            jdbc.update("DELETE FROM market_solution WHERE supplier_group = ?", SUPPLIER);
        }
    }

    private static List<String> names(CatalogueSearch search, String text) {
        return search.search(new CatalogueSearch.Query(text, null, null, null, 0, 50)).hits().stream().map(CatalogueSearch.Hit::name).toList();
    }

    /** The statement before the change: every match, ranked (PostgreSQL) or by name (H2). */
    private static List<UUID> reference(JdbcTemplate jdbc, boolean postgres, String text, String domain, String priceModel) {
        List<String> terms = new CatalogueSearch.Query(text, null, null, null, 0, 1).terms();
        List<Object> args = new ArrayList<>();
        String sql;
        if (postgres) {
            String query = String.join(" & ", terms.stream().map(t -> t + ":*").toList());
            sql = "SELECT id FROM market_solution WHERE search_vector @@ to_tsquery('simple', ?)";
            args.add(query);
            if (domain != null) {
                sql += " AND domain = ?";
                args.add(domain);
            }
            if (priceModel != null) {
                sql += " AND price_model = ?";
                args.add(priceModel);
            }
            sql += " ORDER BY ts_rank(search_vector, to_tsquery('simple', ?)) DESC, name, id";
            args.add(query);
        } else {
            // every word a word prefix of the text: a regular expression (Java's syntax) tried on every row
            sql = "SELECT id FROM market_solution WHERE "
                    + String.join(" AND ", terms.stream().map(t -> "REGEXP_LIKE(search_text, ?)").toList());
            terms.forEach(t -> args.add("(^|[^\\p{L}\\p{N}])" + t));
            if (domain != null) {
                sql += " AND domain = ?";
                args.add(domain);
            }
            if (priceModel != null) {
                sql += " AND price_model = ?";
                args.add(priceModel);
            }
            sql += " ORDER BY name, id";
        }
        return jdbc.queryForList(sql, UUID.class, args.toArray());
    }

    private static Object[] row(String name, String domain, String priceModel, String text) {
        return new Object[] {UUID.randomUUID(), SUPPLIER, name, domain, text, priceModel, (name + " " + text).toLowerCase(Locale.ROOT),
                OffsetDateTime.now()};
    }

    private static boolean postgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private SearchRankingCheck() {}
}
