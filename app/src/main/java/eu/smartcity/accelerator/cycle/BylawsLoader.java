package eu.smartcity.accelerator.cycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and validates one rules.yaml; anything wrong is refused with file, key and problem. */
public final class BylawsLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private BylawsLoader() {}

    public static Bylaws load(String source, InputStream yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new InvalidBylawsException(source, "is not valid YAML (" + e.getMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidBylawsException(source, "(root)", "must be a YAML mapping");
        }
        Reader r = new Reader(source, root);
        Map<String, String> durations = new LinkedHashMap<>();
        for (String name : Bylaws.DURATIONS) {
            durations.put(name, r.duration("durations." + name));
        }
        for (String name : Bylaws.DEADLINES) {
            // optional: absent, the default applies (Bylaws.duration)
            if (!root.path("durations").path(name).isMissingNode() && !root.path("durations").path(name).isNull()) {
                durations.put(name, r.duration("durations." + name));
            }
        }
        for (String name : Bylaws.CALL_WINDOW_BOUNDS) {
            // optional: absent, the default applies (Bylaws.callWindowMin/Max)
            if (!root.path("durations").path(name).isMissingNode() && !root.path("durations").path(name).isNull()) {
                durations.put(name, r.duration("durations." + name));
            }
        }
        java.time.Duration min = Bylaws.callWindowBound(durations, "callWindowMin");
        java.time.Duration max = Bylaws.callWindowBound(durations, "callWindowMax");
        if (min.compareTo(max) > 0) {
            throw new InvalidBylawsException(source, "durations.callWindowMin", "must not exceed durations.callWindowMax");
        }
        java.time.Duration callWindow = Bylaws.parseDuration(durations.get("callWindow"));
        if (callWindow.compareTo(min) < 0 || callWindow.compareTo(max) > 0) {
            throw new InvalidBylawsException(source, "durations.callWindow", "must lie between durations.callWindowMin ("
                    + min.toDays() + " days) and durations.callWindowMax (" + max.toDays() + " days)");
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        double sum = 0;
        for (String criterion : Bylaws.CRITERIA) {
            double weight = r.decimal("scoringWeights." + criterion).doubleValue();
            if (weight > 1) {
                throw new InvalidBylawsException(source, "scoringWeights." + criterion, "must be between 0 and 1, was " + weight);
            }
            weights.put(criterion, weight);
            sum += weight;
        }
        if (Math.abs(sum - 1.0) > 0.001) {
            throw new InvalidBylawsException(source, "scoringWeights", "must sum to 1, sum is " + sum);
        }
        int jurySize = r.count("quotas.jurySize", 1);
        int quorum = r.count("quotas.quorum", 1);
        if (quorum > jurySize) {
            throw new InvalidBylawsException(source, "quotas.quorum", "must not exceed quotas.jurySize (" + jurySize + ")");
        }
        return new Bylaws(r.text("version"), r.text("title"), r.countries("programmeCountries"), durations,
                r.decimal("caps.budgetPerPilot"), jurySize, quorum, r.count("quotas.pilotsPerCity", 1),
                r.count("quotas.milestonesPerPilot", 1), r.bool("quotas.overridable"), r.bool("eligibility.requireLegalEntity"),
                r.bool("eligibility.requireInteroperable"), r.count("eligibility.minTrl", 1),
                r.count("eligibility.maxEmployees", 1), weights, r.atSubmission("eligibility.checkAtSubmission"));
    }

    /** Typed access to dotted keys, each failure naming the key. */
    private record Reader(String source, JsonNode root) {

        JsonNode node(String key) {
            JsonNode node = root;
            for (String part : key.split("\\.")) {
                node = node.path(part);
            }
            if (node.isMissingNode() || node.isNull()) {
                throw new InvalidBylawsException(source, key, "is missing");
            }
            return node;
        }

        String text(String key) {
            JsonNode node = node(key);
            if (!node.isTextual() || node.asText().isBlank()) {
                throw new InvalidBylawsException(source, key, "must be a non-empty text");
            }
            return node.asText();
        }

        String duration(String key) {
            String value = node(key).asText();
            try {
                if (Bylaws.parseDuration(value).isNegative() || Bylaws.parseDuration(value).isZero()) {
                    throw new InvalidBylawsException(source, key, "must be a positive duration, was '" + value + "'");
                }
            } catch (RuntimeException e) {
                if (e instanceof InvalidBylawsException invalid) {
                    throw invalid;
                }
                throw new InvalidBylawsException(source, key, "'" + value + "' is not an ISO-8601 duration such as P30D or PT72H");
            }
            return value;
        }

        BigDecimal decimal(String key) {
            JsonNode node = node(key);
            if (!node.isNumber()) {
                throw new InvalidBylawsException(source, key, "must be a number, was '" + node.asText() + "'");
            }
            if (node.decimalValue().signum() < 0) {
                throw new InvalidBylawsException(source, key, "must not be negative, was " + node.decimalValue());
            }
            return node.decimalValue();
        }

        int count(String key, int minimum) {
            JsonNode node = node(key);
            if (!node.canConvertToInt() || !node.isIntegralNumber() || node.intValue() < minimum) {
                throw new InvalidBylawsException(source, key, "must be a whole number of at least " + minimum + ", was '" + node.asText() + "'");
            }
            return node.intValue();
        }

        boolean bool(String key) {
            JsonNode node = node(key);
            if (!node.isBoolean()) {
                throw new InvalidBylawsException(source, key, "must be true or false, was '" + node.asText() + "'");
            }
            return node.booleanValue();
        }

        /** Optional: versions written before the setting existed keep deciding after the deadline ({@code warn}). */
        Bylaws.AtSubmission atSubmission(String key) {
            JsonNode node = root.path("eligibility").path("checkAtSubmission");
            if (node.isMissingNode() || node.isNull()) {
                return Bylaws.AtSubmission.WARN;
            }
            return switch (node.asText()) {
                case "refuse" -> Bylaws.AtSubmission.REFUSE;
                case "warn" -> Bylaws.AtSubmission.WARN;
                default -> throw new InvalidBylawsException(source, key, "must be refuse or warn, was '" + node.asText() + "'");
            };
        }

        List<String> countries(String key) {
            JsonNode node = node(key);
            if (!node.isArray() || node.isEmpty()) {
                throw new InvalidBylawsException(source, key, "must be a non-empty list of ISO 3166 country codes");
            }
            List<String> countries = new ArrayList<>();
            for (JsonNode country : node) {
                if (!country.asText().matches("[A-Z]{2}")) {
                    throw new InvalidBylawsException(source, key, "has '" + country.asText() + "', not a two-letter country code");
                }
                countries.add(country.asText());
            }
            return countries;
        }
    }
}
