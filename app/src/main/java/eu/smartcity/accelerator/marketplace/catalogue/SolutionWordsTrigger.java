package eu.smartcity.accelerator.marketplace.catalogue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.h2.api.Trigger;

/**
 * H2 only (db/vendor/h2/V160): keeps {@code market_solution_word} — one row per distinct word of a solution's
 * {@code search_text} — equal to the catalogue on every insert and update, whoever writes (JPA, the demo data, a test's
 * plain SQL); a delete removes the words by {@code ON DELETE CASCADE}. {@link CatalogueSearch} finds a word prefix with
 * a range scan of that table's primary key instead of a {@code LIKE '%word%'} scan of every solution. The words are
 * those {@link CatalogueSearch#words(String)} makes, cut to {@link CatalogueSearch#STORED_WORD} characters.
 */
public class SolutionWordsTrigger implements Trigger {

    private int idColumn = -1;
    private int textColumn = -1;

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before, int type)
            throws SQLException {
        try (PreparedStatement columns = connection.prepareStatement("SELECT COLUMN_NAME, ORDINAL_POSITION FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            columns.setString(1, schemaName);
            columns.setString(2, tableName);
            try (ResultSet rs = columns.executeQuery()) {
                while (rs.next()) {
                    switch (rs.getString(1).toUpperCase(Locale.ROOT)) {
                        case "ID" -> idColumn = rs.getInt(2) - 1;
                        case "SEARCH_TEXT" -> textColumn = rs.getInt(2) - 1;
                        default -> { }
                    }
                }
            }
        }
        if (idColumn < 0 || textColumn < 0) {
            throw new SQLException("market_solution has no id or search_text column for " + triggerName);
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow == null) {
            return; // a delete: ON DELETE CASCADE
        }
        if (oldRow != null) {
            // written anew on every update (a catalogue entry changes rarely), so that the migration's
            // "UPDATE … SET search_text = search_text" fills the table for the solutions already there
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM market_solution_word WHERE solution_id = ?")) {
                delete.setObject(1, oldRow[idColumn]);
                delete.executeUpdate();
            }
        }
        String text = (String) newRow[textColumn];
        if (text == null) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO market_solution_word (word, solution_id) VALUES (?, ?)")) {
            for (String word : CatalogueSearch.storedWords(text)) {
                insert.setString(1, word);
                insert.setObject(2, newRow[idColumn]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
