package eu.smartcity.accelerator.shared.personaldata;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a holder does to its own tables' personal columns, in SQL both databases run: find the rows naming the person,
 * replace a user id by the pseudonym, pseudonymise their {@link Mentions} in free-text columns, and clear user ids
 * whose retention has passed. Table and column names are the calling module's own constants, never input.
 */
public final class PersonalColumns {

    /** What replaces a user id in a kept record once its retention period has passed (no one is behind it any more). */
    public static final String EXPIRED = "expired";

    private final JdbcTemplate jdbc;

    public PersonalColumns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code column = userId} becomes the pseudonym; returns rows changed (none the second time). */
    public int pseudonymise(String table, String column, DataSubject subject) {
        return jdbc.update("update " + table + " set " + column + " = ? where " + column + " = ?", subject.pseudonym(),
                subject.userId());
    }

    /**
     * Replaces the person's {@link Mentions} by the pseudonym in the free-text columns of every row that names them:
     * a LIKE pre-filter ({@link #mayMention}) finds the rows, Java decides and rewrites them, so the rules are the same
     * on H2 and PostgreSQL.
     *
     * @param key the table's key column
     * @return rows changed (none the second time)
     */
    public int pseudonymiseMentions(String table, String key, DataSubject subject, String... columns) {
        Mentions mentions = new Mentions(subject);
        List<Object> args = new ArrayList<>();
        String select = "select " + key + ", " + String.join(", ", columns) + " from " + table + " where "
                + mayMention(List.of(columns), mentions, args);
        String update = "update " + table + " set " + String.join(" = ?, ", columns) + " = ? where " + key + " = ?";
        int changed = 0;
        for (Map<String, Object> row : jdbc.queryForList(select, args.toArray())) {
            List<Object> values = new ArrayList<>();
            boolean mentioned = false;
            for (String column : columns) {
                String text = (String) value(row, column);
                String replaced = mentions.pseudonymise(text);
                mentioned |= !Objects.equals(text, replaced);
                values.add(replaced);
            }
            if (mentioned) {
                values.add(value(row, key));
                changed += jdbc.update(update, values.toArray());
            }
        }
        return changed;
    }

    /**
     * The rows naming the person, by user id or in free text, as the export shows them ({@link #jsonReady}); another
     * person's user id in the same row is left out (the export is theirs alone).
     *
     * @param columns the columns to export, comma separated
     */
    public List<Map<String, Object>> rowsOf(String table, String columns, DataSubject subject, List<String> userColumns,
            List<String> textColumns, String orderBy) {
        Mentions mentions = new Mentions(subject);
        List<Object> args = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        for (String column : userColumns) {
            conditions.add(column + " = ?");
            args.add(subject.userId());
        }
        if (!textColumns.isEmpty()) {
            conditions.add(mayMention(textColumns, mentions, args));
        }
        String where = " where " + String.join(" or ", conditions);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList("select " + columns + " from " + table + where + " order by " + orderBy,
                args.toArray())) {
            boolean byUser = userColumns.stream().anyMatch(c -> subject.userId().equals(value(row, c)));
            boolean inText = textColumns.stream().anyMatch(c -> mentions.foundIn((String) value(row, c)));
            if (byUser || inText) {
                Map<String, Object> exported = jsonReady(row);
                userColumns.forEach(c -> exported.computeIfPresent(c, (k, v) -> subject.userId().equals(v) ? v : null));
                rows.add(exported);
            }
        }
        return rows;
    }

    /**
     * SQL that finds every row whose columns may mention the person (a needle anywhere, any case), adding its arguments:
     * a wide net, as LIKE knows no word boundaries; {@link Mentions} decides on what it catches. A needle with letters
     * beyond ASCII is not narrowed down: a database's lower() may leave them as they are (PostgreSQL under the C locale).
     */
    public static String mayMention(List<String> columns, Mentions mentions, List<Object> args) {
        if (!mentions.needles().stream().allMatch(n -> n.chars().allMatch(ch -> ch < 128))) {
            return "(" + String.join(" is not null or ", columns) + " is not null)";
        }
        List<String> conditions = new ArrayList<>();
        for (String column : columns) {
            for (String needle : mentions.needles()) {
                conditions.add("lower(" + column + ") like ? escape '!'");
                args.add("%" + needle.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            }
        }
        return "(" + String.join(" or ", conditions) + ")";
    }

    /**
     * Kept records whose period has passed lose their user ids: {@code column} becomes {@link #EXPIRED} where
     * {@code endedAt} (a timestamp column or SQL expression) lies before {@code cutoff}.
     */
    public int expireUserIds(String table, String column, String endedAt, Instant cutoff) {
        return jdbc.update("update " + table + " set " + column + " = ? where " + column + " is not null and " + column
                + " <> ? and " + endedAt + " < ?", EXPIRED, EXPIRED, Timestamp.from(cutoff));
    }

    /** Column names as the database reports them (upper case on H2, lower on PostgreSQL), looked up either way. */
    private static Object value(Map<String, Object> row, String column) {
        for (Map.Entry<String, Object> e : row.entrySet()) {
            if (e.getKey().equalsIgnoreCase(column)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** A timestamp as the export shows it: ISO-8601 in UTC, null stays null. */
    public static String iso(OffsetDateTime time) {
        return time == null ? null : time.toInstant().toString();
    }

    /** A row as the export shows it: lower-case column names, timestamps and ids as ISO strings, binary left out. */
    public static Map<String, Object> jsonReady(Map<String, Object> row) {
        Map<String, Object> result = new LinkedHashMap<>();
        row.forEach((column, value) -> {
            Object v = value;
            if (value instanceof byte[]) {
                return;
            }
            if (value instanceof Timestamp t) {
                v = t.toInstant().toString();
            } else if (value instanceof java.time.OffsetDateTime o) {
                v = o.toInstant().toString();
            } else if (value instanceof java.util.UUID || value instanceof java.sql.Date) {
                v = value.toString();
            }
            result.put(column.toLowerCase(java.util.Locale.ROOT), v);
        });
        return result;
    }
}
