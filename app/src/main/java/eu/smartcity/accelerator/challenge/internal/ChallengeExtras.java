package eu.smartcity.accelerator.challenge.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ChallengeExtras extends JpaRepository<ChallengeExtra, UUID> {

    /** JPQL, not derived: Hibernate caches a JPQL string's plan, a derived (criteria) query is translated on each call. */
    @Query("select e from ChallengeExtra e where e.challengeId = :challengeId order by e.position")
    List<ChallengeExtra> findByChallengeIdOrderByPosition(UUID challengeId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from ChallengeExtra e where e.challengeId = :challengeId")
    void deleteByChallengeId(UUID challengeId);
}
