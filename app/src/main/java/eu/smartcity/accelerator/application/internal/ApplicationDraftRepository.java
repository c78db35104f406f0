package eu.smartcity.accelerator.application.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApplicationDraftRepository extends JpaRepository<ApplicationDraft, UUID> {

    Optional<ApplicationDraft> findByChallengeIdAndCompanyGroup(UUID challengeId, String companyGroup);

    List<ApplicationDraft> findByCompanyGroupOrderBySavedAtDesc(String companyGroup);

    List<ApplicationDraft> findByChallengeIdOrderByCompanyGroup(UUID challengeId);
}
