package eu.smartcity.accelerator.cycle.internal;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CycleRepository extends JpaRepository<Cycle, UUID> {}
