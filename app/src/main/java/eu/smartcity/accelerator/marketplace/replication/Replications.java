package eu.smartcity.accelerator.marketplace.replication;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Replications extends JpaRepository<Replication, UUID> {

    List<Replication> findByImplementationIdInOrderByRequestedAt(Collection<UUID> implementationIds);

    List<Replication> findByImplementationIdAndCityGroup(UUID implementationId, String cityGroup);

    java.util.Optional<Replication> findFirstByProcessInstanceId(String processInstanceId);
}
