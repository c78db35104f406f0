package eu.smartcity.accelerator.shared.personaldata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Free text that names a person (a comment, a mail's body, a reason) keeps its sense with the person replaced by the
 * pseudonym: their user id, e-mail address, full name and last name, each as a whole token (the user id
 * {@code urbansense} is not the organisation {@code company-urbansense}), case-insensitive. A first name alone is
 * not looked for: too common to mean this person. (The same rules as the engine's share in workflow.)
 */
public final class Mentions {

    private static final String EDGE = "[\\p{L}\\p{N}_-]";

    private final Pattern pattern;
    private final List<String> needles;
    private final String pseudonym;

    public Mentions(DataSubject subject) {
        Set<String> tokens = new LinkedHashSet<>();
        tokens.add(subject.userId());
        if (subject.email() != null && !subject.email().isBlank()) {
            tokens.add(subject.email().strip());
        }
        List<String> names = subject.names().stream().filter(n -> !n.isBlank()).toList();
        if (names.size() > 1) {
            tokens.add(String.join(" ", names));
        }
        if (!names.isEmpty()) {
            tokens.add(names.get(names.size() - 1)); // the last name, or the only name known
        }
        List<String> longestFirst = new ArrayList<>(tokens);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        this.pattern = Pattern.compile(longestFirst.stream().map(t -> "(?<!" + EDGE + ")" + Pattern.quote(t) + "(?!" + EDGE + ")")
                .collect(Collectors.joining("|")), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        this.needles = longestFirst.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        this.pseudonym = subject.pseudonym();
    }

    /** The text with every mention of the person replaced by the pseudonym. */
    public String pseudonymise(String text) {
        return text == null ? null : pattern.matcher(text).replaceAll(Matcher.quoteReplacement(pseudonym));
    }

    /**
     * Pseudonymises the person's mentions in text columns of one table whose key is the column {@code id}: a
     * {@code LOWER(column) LIKE} pre-filter (it may over-match) finds the rows, Java decides and rewrites them, so
     * the rules are the same on H2 and PostgreSQL.
     *
     * @return the rows changed
     */
    public int replaceIn(JdbcClient jdbc, String table, List<String> columns) {
        List<String> filters = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (String column : columns) {
            for (String needle : needles) {
                filters.add("LOWER(" + column + ") LIKE ? ESCAPE '!'");
                params.add("%" + needle.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            }
        }
        List<Map<String, Object>> rows = jdbc.sql("SELECT id, " + String.join(", ", columns) + " FROM " + table
                + " WHERE " + String.join(" OR ", filters)).params(params).query().listOfRows();
        int changed = 0;
        for (Map<String, Object> row : rows) {
            List<Object> values = new ArrayList<>();
            boolean differs = false;
            for (String column : columns) {
                String text = (String) row.get(column);
                String replaced = pseudonymise(text);
                differs |= text != null && !text.equals(replaced);
                values.add(replaced);
            }
            if (differs) {
                values.add(row.get("id"));
                changed += jdbc.sql("UPDATE " + table + " SET " + columns.stream().map(c -> c + " = ?").collect(Collectors.joining(", "))
                        + " WHERE id = ?").params(values).update();
            }
        }
        return changed;
    }
}
