package eu.smartcity.accelerator.cycle;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every field of rules.yaml as the drafting form shows it, in the file's order, by dotted key. The durations come
 * from {@link Bylaws#DURATIONS} plus the optional call-window bounds; the weights from {@link Bylaws#CRITERIA}.
 */
public final class BylawsFields {

    public enum Kind { TEXT, COUNTRIES, DURATION, AMOUNT, COUNT, FLAG, CHOICE, WEIGHT }

    /** @param section the rules.yaml section ({@code general} for top-level keys) */
    public record Field(String key, String section, Kind kind, boolean optional) {

        /** The HTML id and form name: dots are awkward in CSS selectors. */
        public String id() {
            return key.replace('.', '_');
        }
    }

    /** Bounds of the call window a city may propose (the windows feature); P14D and P120D when absent. */
    public static final List<String> OPTIONAL_DURATIONS = Stream.concat(Stream.of("callWindowMin", "callWindowMax"),
            Bylaws.DEADLINES.stream()).toList();

    public static final List<String> AT_SUBMISSION = List.of("refuse", "warn");

    public static final List<Field> ALL;

    static {
        List<Field> all = new ArrayList<>();
        all.add(new Field("title", "general", Kind.TEXT, false));
        all.add(new Field("programmeCountries", "general", Kind.COUNTRIES, false));
        Bylaws.DURATIONS.forEach(d -> all.add(new Field("durations." + d, "durations", Kind.DURATION, false)));
        OPTIONAL_DURATIONS.stream().filter(d -> !Bylaws.DURATIONS.contains(d))
                .forEach(d -> all.add(new Field("durations." + d, "durations", Kind.DURATION, true)));
        all.add(new Field("caps.budgetPerPilot", "caps", Kind.AMOUNT, false));
        all.add(new Field("quotas.jurySize", "quotas", Kind.COUNT, false));
        all.add(new Field("quotas.quorum", "quotas", Kind.COUNT, false));
        all.add(new Field("quotas.pilotsPerCity", "quotas", Kind.COUNT, false));
        all.add(new Field("quotas.overridable", "quotas", Kind.FLAG, false));
        all.add(new Field("quotas.milestonesPerPilot", "quotas", Kind.COUNT, false));
        all.add(new Field("eligibility.requireLegalEntity", "eligibility", Kind.FLAG, false));
        all.add(new Field("eligibility.requireInteroperable", "eligibility", Kind.FLAG, false));
        all.add(new Field("eligibility.minTrl", "eligibility", Kind.COUNT, false));
        all.add(new Field("eligibility.maxEmployees", "eligibility", Kind.COUNT, false));
        all.add(new Field("eligibility.checkAtSubmission", "eligibility", Kind.CHOICE, false));
        Bylaws.CRITERIA.forEach(c -> all.add(new Field("scoringWeights." + c, "scoringWeights", Kind.WEIGHT, false)));
        ALL = List.copyOf(all);
    }

    public static final List<String> SECTIONS = List.of("general", "durations", "caps", "quotas", "eligibility", "scoringWeights");

    private BylawsFields() {}

    public static List<Field> of(String section) {
        return ALL.stream().filter(f -> f.section().equals(section)).toList();
    }
}
