package eu.smartcity.accelerator.application.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ApplicationDraftRepository extends JpaRepository<ApplicationDraft, UUID> {

    /** Read at every submission (the draft becomes the application): a query string, translated once (see ApplicationRepository). */
    @Query("select d from ApplicationDraft d where d.challengeId = :challengeId and d.companyGroup = :companyGroup")
    Optional<ApplicationDraft> findByChallengeIdAndCompanyGroup(@Param("challengeId") UUID challengeId,
            @Param("companyGroup") String companyGroup);

    List<ApplicationDraft> findByCompanyGroupOrderBySavedAtDesc(String companyGroup);

    List<ApplicationDraft> findByChallengeIdOrderByCompanyGroup(UUID challengeId);
}
