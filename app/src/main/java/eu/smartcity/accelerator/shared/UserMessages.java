package eu.smartcity.accelerator.shared;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Arguments of a bundle message as a person reads them: a moment in the programme's time zone, in their language. */
public final class UserMessages {

    /** Programme cities are in one time zone: every time a person reads is shown there. */
    public static final ZoneId PROGRAMME_ZONE = ZoneId.of("Europe/Brussels");

    private UserMessages() {}

    /** Instants become a date and time in Europe/Brussels in the locale; numbers stay numbers for {n,number} patterns. */
    public static Object[] arguments(Object[] args, Locale locale) {
        if (args == null) {
            return new Object[0];
        }
        Object[] shown = args.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof Instant instant) {
                shown[i] = dateTime(instant, locale);
            }
        }
        return shown;
    }

    public static String dateTime(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                .withZone(PROGRAMME_ZONE).format(instant) + " (" + PROGRAMME_ZONE.getId() + ")";
    }
}
