package eu.smartcity.accelerator.support;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.shared.personaldata.DataSubject;
import eu.smartcity.accelerator.shared.personaldata.RetentionPeriods;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A person to export and erase in the holders' tests: a fresh user id, e-mail and name each run (the H2 file database
 * keeps earlier runs' rows), and a scan of tables for any trace of them.
 */
public final class PersonalDataFixture {

    private PersonalDataFixture() {}

    /** A person with a unique name: Griselda and Vandervelde, each followed by the same random letters. */
    public static DataSubject person() {
        String tag = java.util.concurrent.ThreadLocalRandom.current().ints(8, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        String userId = "pd-" + tag;
        return new DataSubject(userId, "griselda." + tag + "@example.org", List.of("Griselda" + tag, "Vandervelde" + tag),
                List.of(), "erased-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** The person's first name (unique per run), as it would appear in free text. */
    public static String firstName(DataSubject person) {
        return person.names().get(0);
    }

    /** The person's last name (unique per run), as it would appear in free text. */
    public static String lastName(DataSubject person) {
        return person.names().get(1);
    }

    /** Ten years for records kept for audits, ninety days for working data. */
    public static RetentionPeriods periods() {
        return c -> switch (c) {
            case PROCUREMENT_RECORD, PUBLIC_RECORD -> Optional.of(Duration.ofDays(3653));
            case PERSONAL_ACCOUNT, PERSONAL_OPERATIONAL -> Optional.of(Duration.ofDays(90));
            case NONE -> Optional.empty();
        };
    }

    /** No table's text (any column but binary ones) holds the person's user id, e-mail or unique last name. */
    public static void assertNowhere(JdbcTemplate jdbc, DataSubject person, String... tables) {
        List<String> found = new ArrayList<>();
        List<String> traces = List.of(person.userId(), person.email(), lastName(person).toLowerCase(Locale.ROOT));
        for (String table : tables) {
            for (Map<String, Object> row : jdbc.queryForList("select * from " + table)) {
                row.forEach((column, value) -> {
                    if (value != null && !(value instanceof byte[])) {
                        String text = value.toString().toLowerCase(Locale.ROOT);
                        traces.stream().filter(text::contains).forEach(t -> found.add(table + "." + column + " holds " + t));
                    }
                });
            }
        }
        assertThat(found).as("traces of the erased person").isEmpty();
    }

}
