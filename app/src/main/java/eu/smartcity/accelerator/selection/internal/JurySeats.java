package eu.smartcity.accelerator.selection.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The two seat lists are JPQL rather than derived from their names: Hibernate caches the plan of a JPQL string, but
 * translates a derived (criteria) query anew on each call, which made the seat look-up of every jury mark a
 * noticeable part of its CPU (issue 19). The same rows in the same order: the columns are all NOT NULL.
 */
public interface JurySeats extends JpaRepository<JurySeat, UUID> {

    @Query("select s from JurySeat s where s.challengeId = :challengeId order by s.seatNo")
    List<JurySeat> findByChallengeIdOrderBySeatNo(@Param("challengeId") UUID challengeId);

    @Query("select s from JurySeat s where s.challengeId = :challengeId and s.status = :status order by s.seatNo")
    List<JurySeat> findByChallengeIdAndStatusOrderBySeatNo(@Param("challengeId") UUID challengeId, @Param("status") String status);

    boolean existsByChallengeIdAndMemberAndStatus(UUID challengeId, String member, String status);
}
