package eu.smartcity.accelerator.selection.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface JurySeats extends JpaRepository<JurySeat, UUID> {

    List<JurySeat> findByChallengeIdOrderBySeatNo(UUID challengeId);

    List<JurySeat> findByChallengeIdAndStatusOrderBySeatNo(UUID challengeId, String status);

    boolean existsByChallengeIdAndMemberAndStatus(UUID challengeId, String member, String status);
}
