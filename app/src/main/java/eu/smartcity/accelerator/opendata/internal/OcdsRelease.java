package eu.smartcity.accelerator.opendata.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One published, validated release, kept exactly as served (retention class: PUBLIC_RECORD; names organisations,
 * never persons: a person named in its free text is removed on erasure, see OpenDataPersonalData). */
@Entity
@Table(name = "ocds_release")
class OcdsRelease {

    @Id
    private UUID id;
    @Column(nullable = false)
    private String ocid;
    @Column(name = "release_id", nullable = false, unique = true)
    private String releaseId;
    @Column(nullable = false)
    private String tag;
    @Column(name = "release_date", nullable = false)
    private Instant releaseDate;
    @Column(name = "release_json", nullable = false)
    private String releaseJson;

    protected OcdsRelease() {}

    OcdsRelease(String ocid, String releaseId, String tag, Instant releaseDate, String releaseJson) {
        this.id = UUID.randomUUID();
        this.ocid = ocid;
        this.releaseId = releaseId;
        this.tag = tag;
        this.releaseDate = releaseDate;
        this.releaseJson = releaseJson;
    }

    String ocid() { return ocid; }
    String releaseId() { return releaseId; }
    Instant releaseDate() { return releaseDate; }
    String releaseJson() { return releaseJson; }
}
