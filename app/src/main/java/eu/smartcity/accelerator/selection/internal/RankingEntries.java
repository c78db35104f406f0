package eu.smartcity.accelerator.selection.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RankingEntries extends JpaRepository<RankingEntry, UUID> {

    List<RankingEntry> findByChallengeIdAndRoundOrderByRank(UUID challengeId, int round);

    /** The last round that was ranked first. */
    List<RankingEntry> findByChallengeIdOrderByRoundDescRankAsc(UUID challengeId);
}
