package eu.smartcity.accelerator.shared;

import java.time.Duration;
import java.time.Period;

/** ISO-8601 durations as the bylaws and Camunda timers write them: days (P30D) and/or time (PT72H). */
public final class IsoDurations {

    private IsoDurations() {}

    public static Duration parse(String iso) {
        int t = iso.indexOf('T');
        String datePart = t >= 0 ? iso.substring(0, t) : iso;
        Duration time = t >= 0 ? Duration.parse("P" + iso.substring(t)) : Duration.ZERO;
        if (datePart.equals("P")) {
            return time;
        }
        Period period = Period.parse(datePart);
        if (period.getMonths() != 0 || period.getYears() != 0) {
            throw new IllegalArgumentException("use days or hours, not months or years: " + iso);
        }
        return time.plusDays(period.getDays());
    }
}
