package eu.smartcity.accelerator.contract.internal;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Contracts extends JpaRepository<Contract, UUID> {

    java.util.List<Contract> findByChallengeIdAndApplicationIdAndOriginalContractIdIsNullAndStatus(UUID challengeId,
            UUID applicationId, ContractStatus status);

    /** A challenge's own contracts (not its replications'). */
    java.util.List<Contract> findByChallengeIdAndOriginalContractIdIsNull(UUID challengeId);

    /** The contract of an accepted application (not a replication's, which reuses the original application). */
    java.util.Optional<Contract> findFirstByApplicationIdAndOriginalContractIdIsNull(UUID applicationId);
}
