package eu.smartcity.accelerator.application;

import java.util.Optional;
import java.util.UUID;

/**
 * Why the city stopped the pilot of an application early, for the company's applications page.
 * Implemented by the pilot feature (which knows pilots and already depends on this one), so that
 * applications need not depend on pilots.
 */
public interface PilotStopReasons {

    Optional<String> stopReasonOf(UUID applicationId);
}
