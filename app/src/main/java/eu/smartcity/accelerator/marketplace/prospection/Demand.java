package eu.smartcity.accelerator.marketplace.prospection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What cities look for, counted for suppliers (prospection). A row holds the day, the kind (a search
 * word, a domain filter, a guided search's domain) and the word — never the user, the city or the
 * address. Aggregates show only words counted at least {@value #MIN_COUNT} times, so a rare word
 * cannot point at one searcher. Retention class: NONE.
 */
@Component
public class Demand {

    public static final String TERM = "term";
    public static final String DOMAIN = "domain";
    public static final String GUIDED = "guided";
    public static final int MIN_COUNT = 2;

    private final JdbcTemplate jdbc;
    private final Clock clock = Clock.systemUTC();

    Demand(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Count(String term, long count) {}

    public void count(String kind, String term) {
        if (term == null || term.isBlank()) {
            return;
        }
        jdbc.update("INSERT INTO market_demand (id, counted_on, kind, term) VALUES (?, ?, ?, ?)", UUID.randomUUID(),
                LocalDate.now(clock), kind, term.length() > 100 ? term.substring(0, 100) : term);
    }

    /** The most counted words of a kind over the last {@code days} days. */
    public List<Count> top(String kind, int days, int limit) {
        List<Count> counts = new ArrayList<>();
        jdbc.query("SELECT term, COUNT(*) AS n FROM market_demand WHERE kind = ? AND counted_on >= ? GROUP BY term"
                + " HAVING COUNT(*) >= ? ORDER BY n DESC, term LIMIT ?", rs -> {
                    counts.add(new Count(rs.getString("term"), rs.getLong("n")));
                }, kind, LocalDate.now(clock).minusDays(days), MIN_COUNT, limit);
        return counts;
    }
}
