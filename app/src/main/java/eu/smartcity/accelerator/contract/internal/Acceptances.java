package eu.smartcity.accelerator.contract.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Acceptances extends JpaRepository<Acceptance, UUID> {
    List<Acceptance> findByContractIdOrderByDecidedAtAsc(UUID contractId);
}
