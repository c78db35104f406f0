package eu.smartcity.accelerator.cycle.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A cycle and the copy of the bylaws it opened with (retention class: PROCUREMENT_RECORD). */
@Entity
@Table(name = "cycle")
class Cycle {

    enum Status { OPEN, CLOSED }

    @Id
    private UUID id;
    @Column(nullable = false)
    private String name;
    @Column(name = "bylaws_version", nullable = false)
    private String bylawsVersion;
    @Column(name = "rules_json", nullable = false)
    private String rulesJson;
    @Column(name = "rules_sha256", nullable = false)
    private String rulesSha256;
    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    protected Cycle() {}

    Cycle(String name, String bylawsVersion, String rulesJson, String rulesSha256, Instant openedAt) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.bylawsVersion = bylawsVersion;
        this.rulesJson = rulesJson;
        this.rulesSha256 = rulesSha256;
        this.openedAt = openedAt;
        this.status = Status.OPEN;
    }

    void close() {
        status = Status.CLOSED;
    }

    UUID id() { return id; }
    String name() { return name; }
    String bylawsVersion() { return bylawsVersion; }
    String rulesJson() { return rulesJson; }
    String rulesSha256() { return rulesSha256; }
    Status status() { return status; }
}
