package eu.smartcity.accelerator.challenge;

import eu.smartcity.accelerator.shared.RuleViolationException;
import eu.smartcity.accelerator.shared.UserMessages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A call's dates as people type them: a local date and time in the programme's zone (Europe/Brussels),
 * {@code 2027-03-01T17:00} (as an HTML datetime-local field sends it) or {@code 2027-03-01 17:00}; a date alone
 * opens at the start of that day and closes at its end (23:59).
 */
public final class CallDates {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private CallDates() {}

    /** Empty → null (the default applies); unreadable → a rule violation on that field. */
    public static Instant parse(String field, String text, boolean closing) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replace(' ', 'T');
        try {
            LocalDateTime local = t.length() == 10
                    ? LocalDate.parse(t).atTime(closing ? LocalTime.of(23, 59) : LocalTime.MIDNIGHT)
                    : LocalDateTime.parse(t).truncatedTo(ChronoUnit.MINUTES);
            return local.atZone(UserMessages.PROGRAMME_ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new RuleViolationException(field, "challenge.error.callDate", "a date and time such as 2027-03-01 17:00");
        }
    }

    /** The value of a datetime-local field (Brussels time) for this instant; empty for none. */
    public static String local(Instant instant) {
        return instant == null ? "" : LOCAL.format(instant.atZone(UserMessages.PROGRAMME_ZONE));
    }
}
