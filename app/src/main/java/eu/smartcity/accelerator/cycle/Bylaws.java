package eu.smartcity.accelerator.cycle;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The rules of one bylaws version, as loaded and validated from {@code bylaws/<version>/rules.yaml}.
 * Durations stay ISO-8601 strings because Camunda timers and due dates take them as they are.
 */
public record Bylaws(
        String version,
        String title,
        List<String> programmeCountries,
        Map<String, String> durations,
        BigDecimal budgetPerPilot,
        int jurySize,
        int quorum,
        int pilotsPerCity,
        int milestonesPerPilot,
        /* quotas.overridable: the coordinator may exceed pilotsPerCity, giving a reason that is recorded;
           false when a cycle pinned its bylaws before this rule existed */
        boolean quotasOverridable,
        boolean requireLegalEntity,
        boolean requireInteroperable,
        int minTrl,
        int maxEmployees,
        Map<String, Double> scoringWeights,
        AtSubmission checkAtSubmission) {

    /**
     * What the portal does when the {@code eligibility} table fails an application as it is submitted
     * ({@code eligibility.checkAtSubmission}): refuse it at once, or take it with a warning and decide after the deadline.
     */
    public enum AtSubmission { REFUSE, WARN }

    // The durations' names in rules.yaml, said once: the processes that receive them alias these
    // (ChallengeProcess.SIGNATURE_WINDOW = Variable.string(Bylaws.SIGNATURE_WINDOW)).
    public static final String APPROVAL_WINDOW = "approvalWindow";
    public static final String CALL_WINDOW = "callWindow";
    public static final String JURY_WINDOW = "juryWindow";
    public static final String SIGNATURE_WINDOW = "signatureWindow";
    public static final String MILESTONE_CADENCE = "milestoneCadence";
    public static final String REMINDER_DELAY = "reminderDelay";
    public static final String ESCALATION_DELAY = "escalationDelay";
    public static final List<String> DURATIONS = List.of(APPROVAL_WINDOW, CALL_WINDOW, JURY_WINDOW, SIGNATURE_WINDOW,
            MILESTONE_CADENCE, REMINDER_DELAY, ESCALATION_DELAY);
    /**
     * Optional bounds of a call window (the city's proposed opening to closing date), named as in rules.yaml under
     * {@code durations}; versions written before they existed get {@link #CALL_WINDOW_DEFAULTS}. Not process
     * variables: the portal checks the dates against them.
     */
    public static final List<String> CALL_WINDOW_BOUNDS = List.of("callWindowMin", "callWindowMax");
    public static final Map<String, String> CALL_WINDOW_DEFAULTS = Map.of("callWindowMin", "P14D", "callWindowMax", "P120D");
    /**
     * Optional deadlines of the waits that had none (issue 23), named as in rules.yaml under {@code durations}: the
     * city's signature, the whole contract negotiation, a supplier's answer to a replication request, a framework
     * join's approval, the cycle itself. Versions written before they existed (and processes started before) get
     * {@link #DEADLINE_DEFAULTS}. A reminder goes out {@code reminderDelay} before each.
     */
    public static final String CITY_SIGNATURE_WINDOW = "citySignatureWindow";
    public static final String NEGOTIATION_WINDOW = "negotiationWindow";
    public static final String REPLICATION_CONFIRMATION_WINDOW = "replicationConfirmationWindow";
    public static final String JOIN_APPROVAL_WINDOW = "joinApprovalWindow";
    public static final String CYCLE_LENGTH = "cycleLength";
    public static final List<String> DEADLINES = List.of(CITY_SIGNATURE_WINDOW, NEGOTIATION_WINDOW,
            REPLICATION_CONFIRMATION_WINDOW, JOIN_APPROVAL_WINDOW, CYCLE_LENGTH);
    public static final Map<String, String> DEADLINE_DEFAULTS = Map.of(CITY_SIGNATURE_WINDOW, "P14D", NEGOTIATION_WINDOW, "P30D",
            REPLICATION_CONFIRMATION_WINDOW, "P14D", JOIN_APPROVAL_WINDOW, "P14D", CYCLE_LENGTH, "P365D");
    /** The scoring criteria (rules.yaml {@code scoring.weights}): the juror's marks and the scoring table's inputs. */
    public static final String FIT = "fit";
    public static final String INNOVATION = "innovation";
    public static final String TEAM = "team";
    public static final String PRICE = "price";
    public static final String REPLICABILITY = "replicability";
    public static final String OPEN_DATA_USE = "openDataUse";
    public static final List<String> CRITERIA = List.of(FIT, INNOVATION, TEAM, PRICE, REPLICABILITY, OPEN_DATA_USE);

    public Bylaws {
        programmeCountries = List.copyOf(programmeCountries);
        durations = Map.copyOf(durations);
        scoringWeights = Map.copyOf(scoringWeights);
        // cycles pinned before the setting existed decide after the deadline, as they always did
        checkAtSubmission = checkAtSubmission == null ? AtSubmission.WARN : checkAtSubmission;
    }

    /** An ISO-8601 duration by name, e.g. {@code callWindow} → {@code P30D}; a deadline absent here has its default. */
    public String duration(String name) {
        String value = durations.getOrDefault(name, DEADLINE_DEFAULTS.get(name));
        if (value == null) {
            throw new IllegalArgumentException("No duration '" + name + "' in bylaws " + version);
        }
        return value;
    }

    /** The shortest call window the bylaws allow ({@code durations.callWindowMin}, default P14D). */
    public Duration callWindowMin() {
        return callWindowBound(durations, "callWindowMin");
    }

    /** The longest call window, extensions included ({@code durations.callWindowMax}, default P120D). */
    public Duration callWindowMax() {
        return callWindowBound(durations, "callWindowMax");
    }

    /** One of {@link #CALL_WINDOW_BOUNDS} from these durations, or its default. */
    static Duration callWindowBound(Map<String, String> durations, String name) {
        return parseDuration(durations.getOrDefault(name, CALL_WINDOW_DEFAULTS.get(name)));
    }

    /** Parses an ISO-8601 duration with days (P30D) and/or time (PT72H) parts. */
    public static Duration parseDuration(String iso) {
        return eu.smartcity.accelerator.shared.IsoDurations.parse(iso);
    }
}
