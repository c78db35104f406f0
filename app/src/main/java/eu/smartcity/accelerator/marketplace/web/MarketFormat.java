package eu.smartcity.accelerator.marketplace.web;

import eu.smartcity.accelerator.identity.Organisations;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** For templates: an organisation's name in the reader's language ({@code city-bruges} → Stad Brugge in Dutch). */
@Component("marketFormat")
public class MarketFormat {

    private final Organisations organisations;

    MarketFormat(Organisations organisations) {
        this.organisations = organisations;
    }

    public String org(String group) {
        if (group == null) {
            return "";
        }
        String name = organisations.displayName(group);
        return name.equals(group) ? readable(group) : name;
    }

    /** A group nobody registered under a name (e.g. a supplier of imported catalogue data): its id made readable. */
    private static String readable(String group) {
        String name = group.replaceFirst("^(city|company)-", "");
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (char c : name.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : c);
            upper = c == '-' || c == ' ';
        }
        return out.toString();
    }

    public String stars(double average) {
        int full = (int) Math.round(average);
        return "★".repeat(Math.max(0, Math.min(5, full))) + "☆".repeat(Math.max(0, 5 - full));
    }

    public String date(java.time.LocalDate date) {
        return date == null ? "" : date.format(java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                .withLocale(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
    }

    public String percent(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }
}
