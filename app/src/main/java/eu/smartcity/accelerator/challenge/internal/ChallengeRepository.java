package eu.smartcity.accelerator.challenge.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ChallengeRepository extends JpaRepository<Challenge, UUID> {

    List<Challenge> findByCityGroupOrderByTitle(String cityGroup);

    List<Challenge> findByCycleIdOrderByTitle(java.util.UUID cycleId);

    List<Challenge> findByStageOrderByCallClosesAt(eu.smartcity.accelerator.challenge.ChallengeStage stage);
}
