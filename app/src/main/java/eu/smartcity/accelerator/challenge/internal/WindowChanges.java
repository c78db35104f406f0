package eu.smartcity.accelerator.challenge.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface WindowChanges extends JpaRepository<WindowChange, UUID> {

    List<WindowChange> findByChallengeIdOrderByChangedAtAsc(UUID challengeId);
}
