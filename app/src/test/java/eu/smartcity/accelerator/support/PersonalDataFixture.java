package eu.smartcity.accelerator.support;

import eu.smartcity.accelerator.shared.personaldata.DataSubject;
import eu.smartcity.accelerator.shared.personaldata.RetentionPeriods;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A person to export and erase in the holders' tests: a fresh user id, e-mail and name each run (the H2 file database
 * keeps earlier runs' rows); {@link PersonalDataScan} looks for them.
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
}
