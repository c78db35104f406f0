package eu.smartcity.accelerator.opendata.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OcdsReleases extends JpaRepository<OcdsRelease, UUID> {

    List<OcdsRelease> findByOcidOrderByReleaseDateAscReleaseIdAsc(String ocid);

    List<OcdsRelease> findByReleaseDateGreaterThanEqualOrderByReleaseDateAscReleaseIdAsc(Instant since, Pageable page);

    /** JPQL, not derived: Hibernate caches a JPQL string's plan, a derived (criteria) count is translated on each release. */
    @Query("select count(r) from OcdsRelease r where r.ocid = :ocid and r.tag = :tag")
    long countByOcidAndTag(@Param("ocid") String ocid, @Param("tag") String tag);
}
