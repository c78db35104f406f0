package eu.smartcity.accelerator.pilot.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PilotReports extends JpaRepository<PilotReport, UUID> {

    /** JPQL, not derived: Hibernate caches a JPQL string's plan, a derived (criteria) query is translated on each call. */
    @Query("select r from PilotReport r where r.pilotId = :pilotId order by r.milestoneNo asc, r.submittedAt asc")
    List<PilotReport> findByPilotIdOrderByMilestoneNoAscSubmittedAtAsc(@Param("pilotId") UUID pilotId);
}
