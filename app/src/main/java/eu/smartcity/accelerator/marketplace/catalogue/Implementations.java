package eu.smartcity.accelerator.marketplace.catalogue;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Implementations extends JpaRepository<Implementation, UUID> {

    List<Implementation> findBySolutionIdOrderByCreatedAtDesc(UUID solutionId);

    List<Implementation> findBySolutionIdIn(Collection<UUID> solutionIds);

    boolean existsByEvaluationId(UUID evaluationId);

    java.util.Optional<Implementation> findFirstByEvaluationId(UUID evaluationId);

    Page<Implementation> findAllByOrderByCreatedAtDescIdAsc(Pageable page);

    Page<Implementation> findBySolutionIdOrderByCreatedAtDescIdAsc(UUID solutionId, Pageable page);

    Page<Implementation> findByCityGroupOrderByCreatedAtDescIdAsc(String cityGroup, Pageable page);

    Page<Implementation> findBySolutionIdAndCityGroupOrderByCreatedAtDescIdAsc(UUID solutionId, String cityGroup, Pageable page);
}
