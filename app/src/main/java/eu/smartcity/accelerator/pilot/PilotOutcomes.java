package eu.smartcity.accelerator.pilot;

import eu.smartcity.accelerator.application.PilotStopReasons;
import eu.smartcity.accelerator.pilot.internal.Pilot;
import eu.smartcity.accelerator.pilot.internal.PilotStatus;
import eu.smartcity.accelerator.pilot.internal.Pilots;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the company may read about the pilot of its application: why the city stopped it early. */
@Service
public class PilotOutcomes implements PilotStopReasons {

    private final Pilots pilots;

    PilotOutcomes(Pilots pilots) {
        this.pilots = pilots;
    }

    /** The city's reason, when the pilot of this application (not a replication) was stopped early. */
    @Override
    @Transactional(readOnly = true)
    public Optional<String> stopReasonOf(UUID applicationId) {
        return pilots.findByApplicationId(applicationId).stream()
                .filter(p -> p.originalPilotId() == null && p.status() == PilotStatus.STOPPED_EARLY)
                .map(Pilot::stopReason).filter(Objects::nonNull).findFirst();
    }
}
