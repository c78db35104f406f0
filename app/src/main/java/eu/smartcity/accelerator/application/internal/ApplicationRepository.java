package eu.smartcity.accelerator.application.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ApplicationRepository extends JpaRepository<Application, UUID> {

    List<Application> findByCompanyGroupOrderBySubmittedAtDesc(String companyGroup);

    /**
     * The company's live application to a challenge, if any: read at every submission. A query string (not a derived
     * query, which Spring Data builds as a criteria query that Hibernate translates to SQL again at every call), so
     * Hibernate translates it once and reuses the plan (issue 19, the deadline rush).
     */
    @Query("select a from Application a where a.challengeId = :challengeId and a.activeCompany = :activeCompany")
    Optional<Application> findByChallengeIdAndActiveCompany(@Param("challengeId") UUID challengeId,
            @Param("activeCompany") String activeCompany);

    List<Application> findByChallengeIdAndStatusInOrderBySubmittedAt(UUID challengeId, Collection<eu.smartcity.accelerator.application.ApplicationStatus> statuses);
}
