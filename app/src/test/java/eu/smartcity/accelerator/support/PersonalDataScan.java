package eu.smartcity.accelerator.support;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import eu.smartcity.accelerator.shared.personaldata.DataSubject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tests' one scan for a person: every table of the application's schema (ours, Camunda's, Flowable's) or the
 * named ones, every character, CLOB and binary column, binary values read as UTF-8, compared case-insensitively and
 * as whole tokens (the user id {@code urbansense} is not the organisation {@code company-urbansense}, the name
 * {@code Sense} not {@code UrbanSense}) — what shared.personaldata.Mentions calls a mention, written out again here
 * so that a change to that rule cannot make the scan agree with it. What an erasure test asserts is empty.
 */
public final class PersonalDataScan {

    /** Where a needle was found: table, column, and the value (shortened). */
    public record Finding(String table, String column, String needle, String value) {
        @Override
        public String toString() {
            return table + "." + column + " holds '" + needle + "': " + value;
        }
    }

    private static final Set<Integer> TEXT = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR,
            Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB, Types.OTHER);
    private static final Set<Integer> BINARY = Set.of(Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB);

    private record Needle(String text, Pattern pattern) {}

    private PersonalDataScan() {}

    /** What names the person: user id, e-mail, full name and last name. */
    public static List<String> needles(DataSubject person) {
        List<String> needles = new ArrayList<>(List.of(person.userId()));
        if (person.email() != null) {
            needles.add(person.email());
        }
        if (person.names().size() > 1) {
            needles.add(String.join(" ", person.names()));
        }
        if (!person.names().isEmpty()) {
            needles.add(person.names().get(person.names().size() - 1));
        }
        return needles;
    }

    /** The person's traces in every table. */
    public static List<Finding> find(DataSource dataSource, List<String> needles) {
        return find(dataSource, needles, Set.of());
    }

    /** The person's traces in these tables (each must exist: a misspelt table would hide nothing). */
    public static List<Finding> find(JdbcTemplate jdbc, DataSubject person, String... tables) {
        return find(jdbc.getDataSource(), needles(person),
                Arrays.stream(tables).map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
    }

    private static List<Finding> find(DataSource dataSource, List<String> needles, Set<String> only) {
        List<Needle> lower = needles.stream().filter(n -> n != null && !n.isBlank())
                .map(n -> new Needle(n, Pattern.compile("(?<![\\p{L}\\p{N}_-])" + Pattern.quote(n) + "(?![\\p{L}\\p{N}_-])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))).toList();
        List<Finding> findings = new ArrayList<>();
        Set<String> scanned = new HashSet<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String schema = connection.getSchema();
            try (ResultSet tables = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (tables.next()) {
                    String table = tables.getString("TABLE_NAME");
                    if (only.isEmpty() || only.contains(table.toLowerCase(Locale.ROOT))) {
                        scanTable(connection, meta, schema, table, lower, findings);
                        scanned.add(table.toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (!scanned.containsAll(only)) {
            throw new IllegalArgumentException("no such tables: " + only.stream().filter(t -> !scanned.contains(t)).toList());
        }
        return findings;
    }

    private static void scanTable(Connection connection, DatabaseMetaData meta, String schema, String table, List<Needle> needles,
            List<Finding> findings) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<Boolean> binary = new ArrayList<>();
        try (ResultSet cols = meta.getColumns(null, schema, table, "%")) {
            while (cols.next()) {
                int type = cols.getInt("DATA_TYPE");
                String typeName = cols.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
                if (TEXT.contains(type) && !typeName.equals("uuid") || typeName.contains("json")) {
                    columns.add(cols.getString("COLUMN_NAME"));
                    binary.add(false);
                } else if (BINARY.contains(type) || typeName.equals("bytea")) {
                    columns.add(cols.getString("COLUMN_NAME"));
                    binary.add(true);
                }
            }
        }
        if (columns.isEmpty()) {
            return;
        }
        String quoted = columns.stream().map(c -> "\"" + c + "\"").reduce((a, b) -> a + ", " + b).orElseThrow();
        try (var statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT " + quoted + " FROM \"" + table + "\"")) {
            while (rows.next()) {
                for (int i = 0; i < columns.size(); i++) {
                    String value;
                    if (binary.get(i)) {
                        byte[] bytes = rows.getBytes(i + 1);
                        value = bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
                    } else {
                        value = rows.getString(i + 1);
                    }
                    if (value == null) {
                        continue;
                    }
                    for (Needle needle : needles) {
                        if (needle.pattern().matcher(value).find()) {
                            findings.add(new Finding(table, columns.get(i), needle.text(),
                                    value.length() > 160 ? value.substring(0, 160) + "…" : value));
                        }
                    }
                }
            }
        }
    }
}
