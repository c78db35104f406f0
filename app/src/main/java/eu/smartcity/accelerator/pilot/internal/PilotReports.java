package eu.smartcity.accelerator.pilot.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PilotReports extends JpaRepository<PilotReport, UUID> {

    List<PilotReport> findByPilotIdOrderByMilestoneNoAscSubmittedAtAsc(UUID pilotId);
}
