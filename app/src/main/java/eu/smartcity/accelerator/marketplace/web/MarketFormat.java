package eu.smartcity.accelerator.marketplace.web;

import java.util.Locale;
import org.springframework.stereotype.Component;

/** For templates: an organisation's readable name from its group id ({@code city-saint-quentin} → Saint-Quentin). */
@Component("marketFormat")
public class MarketFormat {

    public String org(String group) {
        if (group == null) {
            return "";
        }
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
