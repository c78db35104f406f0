package eu.smartcity.accelerator.pilot.internal;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Pilots extends JpaRepository<Pilot, UUID> {

    java.util.List<Pilot> findByApplicationId(UUID applicationId);

    java.util.List<Pilot> findByChallengeId(UUID challengeId);
}
