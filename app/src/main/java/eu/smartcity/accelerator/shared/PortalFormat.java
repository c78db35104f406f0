package eu.smartcity.accelerator.shared;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Dates and amounts in the user's language, for templates: {@code ${@portalFormat.money(amount)}}. */
@Component("portalFormat")
public class PortalFormat {

    /** Programme cities are in one time zone; deadlines are shown there, with the zone. */
    static final ZoneId PROGRAMME_ZONE = UserMessages.PROGRAMME_ZONE;

    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale()).withZone(PROGRAMME_ZONE).format(instant) + " (" + PROGRAMME_ZONE.getId() + ")";
    }

    /** A day, without the time (timelines, archives). */
    public String date(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).withZone(PROGRAMME_ZONE)
                .format(instant);
    }

    /** A count or a measure with the locale's grouping: 25.000 (nl), 25 000 (fr), 25,000 (en). */
    public String number(Number value) {
        if (value == null) {
            return "";
        }
        return NumberFormat.getNumberInstance(locale()).format(value);
    }

    public String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale());
        format.setCurrency(Currency.getInstance("EUR"));
        return format.format(amount);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
