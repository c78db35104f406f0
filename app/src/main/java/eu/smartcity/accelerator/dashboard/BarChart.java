package eu.smartcity.accelerator.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart laid out on the server, drawn as plain inline SVG by {@code dashboard/chart :: bars}: one
 * row per bar, its label above it, the value after it. Labels are message keys (translated in the template) or,
 * for names such as a city's, the text itself. The page shows the same numbers in a table.
 */
public record BarChart(String id, List<Bar> bars, int height) {

    static final int WIDTH = 340;
    static final int LONGEST_BAR = 270;
    static final int ROW = 48;

    /** {@code labelKey} a message key, or null and {@code label} the text; {@code y} and {@code length} in SVG units. */
    public record Bar(String labelKey, String label, long value, int y, int length) {}

    /** A label and its value, in the order the chart shows them. */
    public record Entry(String labelKey, String label, long value) {
        public static Entry keyed(String labelKey, long value) {
            return new Entry(labelKey, null, value);
        }

        public static Entry named(String label, long value) {
            return new Entry(null, label, value);
        }
    }

    public static BarChart of(String id, List<Entry> entries) {
        long max = entries.stream().mapToLong(Entry::value).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (Entry e : entries) {
            // a zero still shows as a sliver, so the row reads as "0" rather than as missing
            int length = max == 0 ? 2 : (int) Math.max(2, Math.round((double) e.value() * LONGEST_BAR / max));
            bars.add(new Bar(e.labelKey(), e.label(), e.value(), y, length));
            y += ROW;
        }
        return new BarChart(id, bars, Math.max(y, ROW));
    }

    public int width() {
        return WIDTH;
    }

    public boolean isEmpty() {
        return bars.isEmpty();
    }
}
