package eu.smartcity.accelerator.selection.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface JuryScores extends JpaRepository<JuryScore, UUID> {

    List<JuryScore> findByChallengeIdAndRound(UUID challengeId, int round);

    boolean existsByChallengeIdAndApplicationIdAndMemberAndRound(UUID challengeId, UUID applicationId, String member, int round);
}
