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

    /**
     * A challenge's applications, first submitted first. With {@link #findByChallengeIdAndStatusOrderBySubmittedAt} it
     * replaces a derived {@code status in (:statuses)} query (issue 19, slice driver): Hibernate 6.6 caches no plan for a
     * query with a multi-valued parameter, so that one was translated to SQL again at every call — at every jury mark
     * (the eligible applications) and every step that reads a challenge's applications. {@code JpaApplications.inStatus}
     * filters these rows by status instead: the same rows in the same order, in one statement as before.
     */
    @Query("select a from Application a where a.challengeId = :challengeId order by a.submittedAt")
    List<Application> findByChallengeIdOrderBySubmittedAt(@Param("challengeId") UUID challengeId);

    /** A challenge's applications in one status, first submitted first (a single-valued parameter: the plan is cached). */
    @Query("select a from Application a where a.challengeId = :challengeId and a.status = :status order by a.submittedAt")
    List<Application> findByChallengeIdAndStatusOrderBySubmittedAt(@Param("challengeId") UUID challengeId,
            @Param("status") eu.smartcity.accelerator.application.ApplicationStatus status);
}
