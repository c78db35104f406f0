package eu.smartcity.accelerator.application.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApplicationRepository extends JpaRepository<Application, UUID> {

    List<Application> findByCompanyGroupOrderBySubmittedAtDesc(String companyGroup);

    Optional<Application> findByChallengeIdAndActiveCompany(UUID challengeId, String activeCompany);

    List<Application> findByChallengeIdAndStatusInOrderBySubmittedAt(UUID challengeId, Collection<eu.smartcity.accelerator.application.ApplicationStatus> statuses);
}
