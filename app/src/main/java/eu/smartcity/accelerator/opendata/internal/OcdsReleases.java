package eu.smartcity.accelerator.opendata.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface OcdsReleases extends JpaRepository<OcdsRelease, UUID> {

    List<OcdsRelease> findByOcidOrderByReleaseDateAscReleaseIdAsc(String ocid);

    List<OcdsRelease> findByReleaseDateGreaterThanEqualOrderByReleaseDateAscReleaseIdAsc(Instant since, Pageable page);

    long countByOcidAndTag(String ocid, String tag);
}
