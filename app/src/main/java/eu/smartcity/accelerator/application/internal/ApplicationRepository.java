package eu.smartcity.accelerator.application.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApplicationRepository extends JpaRepository<Application, UUID> {

    List<Application> findByCompanyGroupOrderBySubmittedAtDesc(String companyGroup);

    List<Application> findByChallengeIdAndStatusInOrderBySubmittedAt(UUID challengeId, Collection<Application.Status> statuses);
}
