package eu.smartcity.accelerator.shared.personaldata;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One module's part of a person's data. Every module whose tables (or whose share of the engine's tables) hold
 * personal data implements this once, as a {@code @Component} in its own package, for its own tables only; the
 * privacy module asks them all for an export and, when an erasure is decided, to erase.
 */
public interface PersonalDataHolder {

    /** The export's section for this module, e.g. {@code "applications"}: unique, lower case, stable. */
    String section();

    /**
     * What this module holds about the person, JSON-ready: maps, lists, strings, numbers, booleans, ISO dates as
     * strings; no entities. Empty map when it holds nothing.
     */
    Map<String, Object> export(DataSubject subject);

    /** Files of the person or about them that go into the archive beside the JSON. */
    default List<ExportedFile> files(DataSubject subject) {
        return List.of();
    }

    /**
     * Forgets the person: rows that no retention class keeps are deleted; records that must be kept
     * ({@link RetentionClass#PROCUREMENT_RECORD}, {@link RetentionClass#PUBLIC_RECORD}) keep the organisation and the
     * role but lose the person (user id replaced by {@link DataSubject#pseudonym()}, name, e-mail, remote address and
     * free text about them removed). Runs inside the erasure's transaction; must be idempotent.
     *
     * @return rows touched per table, for the erasure's record (no personal data in it)
     */
    Map<String, Integer> erase(DataSubject subject);

    /**
     * Deletes (or, for kept records, pseudonymises) this module's personal data whose retention period has passed:
     * a record ends its use at a date of its own (a draft's challenge closed, a mail sent, a cycle ended) and is
     * expired {@code periods.of(itsClass)} later. Called once a day by the retention job on one node.
     *
     * @return rows touched per table
     */
    default Map<String, Integer> expire(RetentionPeriods periods, Instant now) {
        return Map.of();
    }
}
