package eu.smartcity.accelerator.marketplace.library;

import eu.smartcity.accelerator.marketplace.catalogue.Solution;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A contract template or past contract shared between municipalities; personal data removed before it is stored
 * (retention class: PUBLIC_RECORD; no uploader is stored; erasure removes a person the redaction missed from the text). */
@Entity
@Table(name = "market_document")
public class ContractDocument {

    @Id
    private UUID id;
    @Column(nullable = false)
    private String title;
    @Column(nullable = false)
    private String kind;
    @Column(nullable = false)
    private String domain;
    @Column(name = "city_group", nullable = false)
    private String cityGroup;
    @Column(name = "challenge_id")
    private UUID challengeId;
    @Column(name = "framework_id")
    private UUID frameworkId;
    @Column(nullable = false)
    private String body;
    @Column(name = "search_text", nullable = false)
    private String searchText;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ContractDocument() {}

    public ContractDocument(String title, String kind, String domain, String cityGroup, UUID challengeId, UUID frameworkId,
            String body, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.title = title;
        this.kind = kind;
        this.domain = domain;
        this.cityGroup = cityGroup;
        this.challengeId = challengeId;
        this.frameworkId = frameworkId;
        this.body = PersonalData.redact(body);
        this.searchText = Solution.searchText(title, this.body, domain, cityGroup);
        this.createdAt = createdAt;
    }

    public UUID id() { return id; }
    public String title() { return title; }
    public String kind() { return kind; }
    public String domain() { return domain; }
    public String cityGroup() { return cityGroup; }
    public UUID challengeId() { return challengeId; }
    public UUID frameworkId() { return frameworkId; }
    public String body() { return body; }
    public Instant createdAt() { return createdAt; }
}
