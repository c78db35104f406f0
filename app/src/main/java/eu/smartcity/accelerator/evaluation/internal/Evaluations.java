package eu.smartcity.accelerator.evaluation.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Evaluations extends JpaRepository<Evaluation, UUID> {

    Optional<Evaluation> findFirstByPilotId(UUID pilotId);

    java.util.List<Evaluation> findByChallengeId(UUID challengeId);
}
