package eu.smartcity.accelerator.challenge;

import eu.smartcity.accelerator.shared.RuleViolationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of city-funded extras as a form sends them (repeated fields {@code extraKind}, {@code extraDescription},
 * {@code extraAmount}, one per line) and their rules, so the define page, the edit page and the service agree.
 * A line with neither description nor amount is an unused line, not an error.
 */
public final class ExtraLines {

    public static final int MAX_LINES = 10;
    public static final int MAX_DESCRIPTION = 200;
    /** Far above any pilot's equipment; catches a typo of some zeros. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");

    /** One line as typed. */
    public record Line(String kind, String description, String amount) {

        public boolean unused() {
            return blank(description) && blank(amount);
        }
    }

    private ExtraLines() {}

    /** The lines as typed, in order (unused ones kept, so an error stays next to its line). */
    public static List<Line> of(List<String> kinds, List<String> descriptions, List<String> amounts) {
        int n = Math.max(size(kinds), Math.max(size(descriptions), size(amounts)));
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(new Line(at(kinds, i), at(descriptions, i), at(amounts, i)));
        }
        return lines;
    }

    /** The lines of stored extras, to fill the form. */
    public static List<Line> of(List<Challenges.Extra> extras) {
        return extras.stream().map(e -> new Line(e.kind().name(), e.description(), e.amount().toPlainString())).toList();
    }

    /**
     * The model of the form fragment {@code challenge/partials/extras :: lines}: the lines as typed (unused lines
     * included), padded with empty lines to at least {@code shown} (at most {@link #MAX_LINES}), and the problems.
     */
    public static Map<String, Object> formModel(List<Line> lines, Map<String, RuleViolationException> problems, int shown) {
        List<Line> padded = new ArrayList<>(lines);
        while (padded.size() < Math.min(shown, MAX_LINES)) {
            padded.add(new Line(Challenges.ExtraKind.EQUIPMENT.name(), "", ""));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("extraLines", padded);
        model.put("extraProblems", problems);
        model.put("extraKinds", Challenges.ExtraKind.values());
        model.put("extraMaxLines", MAX_LINES);
        model.put("extraMaxDescription", MAX_DESCRIPTION);
        return model;
    }

    /** What is wrong, by field id ({@code extraAmount-2}: the third line's amount); empty when all is well. */
    public static Map<String, RuleViolationException> problems(List<Line> lines) {
        Map<String, RuleViolationException> problems = new LinkedHashMap<>();
        int used = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.unused()) {
                continue;
            }
            if (++used > MAX_LINES) {
                problems.put("extraDescription-" + i, new RuleViolationException("extraDescription-" + i,
                        "extra.error.tooMany", "at most " + MAX_LINES + " lines", MAX_LINES));
                continue;
            }
            if (kind(line.kind()).isEmpty()) {
                problems.put("extraKind-" + i,
                        new RuleViolationException("extraKind-" + i, "extra.error.kind", "equipment, data access or other"));
            }
            String description = line.description() == null ? "" : line.description().strip();
            if (description.isEmpty() || description.length() > MAX_DESCRIPTION) {
                problems.put("extraDescription-" + i, new RuleViolationException("extraDescription-" + i,
                        "extra.error.description", "between 1 and " + MAX_DESCRIPTION + " characters", MAX_DESCRIPTION));
            }
            BigDecimal amount = amount(line.amount());
            if (amount == null || amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.scale() > 2) {
                problems.put("extraAmount-" + i, new RuleViolationException("extraAmount-" + i, "extra.error.amount",
                        "an amount in EUR above 0 and at most " + MAX_AMOUNT + ", at most 2 decimals", MAX_AMOUNT));
            }
        }
        return problems;
    }

    /** The extras of valid lines (unused lines left out); call after {@link #problems} found nothing. */
    public static List<Challenges.Extra> extras(List<Line> lines) {
        Map<String, RuleViolationException> problems = problems(lines);
        if (!problems.isEmpty()) {
            throw problems.values().iterator().next();
        }
        return lines.stream().filter(l -> !l.unused())
                .map(l -> new Challenges.Extra(kind(l.kind()).orElseThrow(), l.description().strip(), amount(l.amount())))
                .toList();
    }

    /** The service's own check of typed extras (callers other than the forms). */
    public static void check(List<Challenges.Extra> extras) {
        // an empty line is "unused" on a form; a typed extra without description or amount is simply wrong
        if (extras.stream().anyMatch(e -> e.description() == null || e.description().isBlank() || e.amount() == null)) {
            throw new RuleViolationException("extraDescription-0", "extra.error.description",
                    "between 1 and " + MAX_DESCRIPTION + " characters", MAX_DESCRIPTION);
        }
        extras(extras.stream().map(e -> new Line(e.kind() == null ? null : e.kind().name(), e.description(),
                e.amount().toPlainString())).toList());
    }

    private static java.util.Optional<Challenges.ExtraKind> kind(String kind) {
        try {
            return java.util.Optional.of(Challenges.ExtraKind.valueOf(kind == null ? "" : kind.strip()));
        } catch (IllegalArgumentException unknown) {
            return java.util.Optional.empty();
        }
    }

    /** "5000", "5000.50", "5,000.50" or "5000,50" (Dutch and French write a decimal comma); null if not a number. */
    static BigDecimal amount(String text) {
        if (blank(text)) {
            return null;
        }
        String t = text.strip().replace(" ", "").replace("\u00a0", "").replace("€", "");
        if (t.matches("\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
            t = t.replace(",", "");
        } else if (t.matches("\\d{1,3}(\\.\\d{3})+(,\\d+)?")) {
            t = t.replace(".", "").replace(',', '.');
        } else {
            t = t.replace(',', '.');
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static int size(List<String> list) {
        return list == null ? 0 : list.size();
    }

    private static String at(List<String> list, int i) {
        return list != null && i < list.size() ? list.get(i) : null;
    }
}
