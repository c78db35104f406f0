package eu.smartcity.accelerator.shared.personaldata;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Free text that names a person (a comment, a mail's body) keeps its meaning with the person replaced: their
 * e-mail address, full name and user id become the pseudonym. A first or last name alone is not replaced (too
 * common a word to find reliably); the holder's own free text about the person (a conflict's reason) is deleted instead.
 */
public final class Mentions {

    private Mentions() {}

    /** What names the person in free text, longest first (an e-mail address may contain the user id). */
    public static List<String> of(DataSubject subject) {
        Set<String> said = new LinkedHashSet<>();
        if (subject.email() != null && !subject.email().isBlank()) {
            said.add(subject.email().strip());
        }
        if (subject.names().size() > 1) {
            said.add(String.join(" ", subject.names()));
        }
        said.add(subject.userId());
        return List.copyOf(said);
    }

    /**
     * Replaces the person's mentions by the pseudonym in the text columns of one table, in one statement per table
     * (SQL that H2 and PostgreSQL both run: REPLACE, LIKE with backslash escapes).
     *
     * @return the rows changed
     */
    public static int replace(JdbcClient jdbc, String table, List<String> columns, DataSubject subject) {
        List<String> mentions = of(subject);
        List<String> sets = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (String column : columns) {
            String replaced = column;
            for (String said : mentions) {
                replaced = "REPLACE(" + replaced + ", ?, ?)";
                params.add(said);
                params.add(subject.pseudonym());
            }
            sets.add(column + " = " + replaced);
        }
        List<String> matches = new ArrayList<>();
        for (String column : columns) {
            for (String said : mentions) {
                matches.add(column + " LIKE ?");
                params.add("%" + said.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        return jdbc.sql("UPDATE " + table + " SET " + String.join(", ", sets) + " WHERE " + String.join(" OR ", matches))
                .params(params).update();
    }
}
