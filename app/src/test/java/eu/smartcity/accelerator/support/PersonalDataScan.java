package eu.smartcity.accelerator.support;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Looks for a person in every table of the application's schema (ours, Camunda's, Flowable's): every character,
 * CLOB and binary column, binary values read as UTF-8, compared case-insensitively and as whole tokens (the user id
 * {@code urbansense} is not the organisation {@code company-urbansense}, the name {@code Sense} not {@code UrbanSense}).
 * What an erasure test asserts is empty.
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

    private PersonalDataScan() {}

    public static List<Finding> find(DataSource dataSource, List<String> needles) {
        List<Pattern> lower = needles.stream().filter(n -> n != null && !n.isBlank())
                .map(n -> Pattern.compile("(?<![\\p{L}\\p{N}_-])" + Pattern.quote(n) + "(?![\\p{L}\\p{N}_-])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).toList();
        List<Finding> findings = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String schema = connection.getSchema();
            try (ResultSet tables = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (tables.next()) {
                    scanTable(connection, meta, schema, tables.getString("TABLE_NAME"), lower, findings);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return findings;
    }

    private static void scanTable(Connection connection, DatabaseMetaData meta, String schema, String table, List<Pattern> needles,
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
                    for (Pattern needle : needles) {
                        if (needle.matcher(value).find()) {
                            findings.add(new Finding(table, columns.get(i), needle.pattern(),
                                    value.length() > 160 ? value.substring(0, 160) + "…" : value));
                        }
                    }
                }
            }
        }
    }
}
