package eu.smartcity.accelerator.documents;

import java.util.Optional;
import java.util.UUID;

/**
 * What the reports need to know of a pilot, published by the pilot module (which reaches this module through the
 * contract module, so this module asks through an interface it owns rather than reading the tables).
 */
public interface PilotFacts {

    /** {@code status} a pilot status code (message key {@code subject.pilot.status.<status>}). */
    record PilotFact(UUID id, String companyGroup, String status, int milestonesDone) {}

    Optional<PilotFact> pilot(UUID pilotId);

    /** The challenge's own pilot (not a replication). */
    Optional<PilotFact> pilotOfChallenge(UUID challengeId);
}
