package eu.smartcity.accelerator.challenge.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ChallengeRemarks extends JpaRepository<ChallengeRemark, UUID> {

    List<ChallengeRemark> findByChallengeIdOrderBySentBackAtAsc(UUID challengeId);
}
