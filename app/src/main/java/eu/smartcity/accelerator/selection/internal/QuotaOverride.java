package eu.smartcity.accelerator.selection.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The coordinator approved a selection beyond a quota of the bylaws, where they allow it: who, when, why
 * (retention class: PROCUREMENT_RECORD; who is pseudonymised on erasure).
 */
@Entity
@Table(name = "quota_override")
public class QuotaOverride {

    @Id
    private UUID id;
    @Column(name = "challenge_id", nullable = false)
    private UUID challengeId;
    @Column(name = "cycle_id", nullable = false)
    private UUID cycleId;
    @Column(name = "city_group", nullable = false)
    private String cityGroup;
    /** the key in rules.yaml's quotas, e.g. pilotsPerCity */
    @Column(nullable = false)
    private String rule;
    @Column(name = "quota_limit", nullable = false)
    private int quotaLimit;
    @Column(name = "already_held", nullable = false)
    private int alreadyHeld;
    @Column(nullable = false)
    private String reason;
    @Column(name = "overridden_by", nullable = false)
    private String overriddenBy;
    @Column(name = "overridden_at", nullable = false)
    private Instant overriddenAt;

    protected QuotaOverride() {}

    public QuotaOverride(UUID challengeId, UUID cycleId, String cityGroup, String rule, int quotaLimit, int alreadyHeld,
            String reason, String overriddenBy, Instant overriddenAt) {
        this.id = UUID.randomUUID();
        this.challengeId = challengeId;
        this.cycleId = cycleId;
        this.cityGroup = cityGroup;
        this.rule = rule;
        this.quotaLimit = quotaLimit;
        this.alreadyHeld = alreadyHeld;
        this.reason = reason;
        this.overriddenBy = overriddenBy;
        this.overriddenAt = overriddenAt;
    }

    public UUID challengeId() { return challengeId; }
    public String cityGroup() { return cityGroup; }
    public String rule() { return rule; }
    public int quotaLimit() { return quotaLimit; }
    public int alreadyHeld() { return alreadyHeld; }
    public String reason() { return reason; }
    public String overriddenBy() { return overriddenBy; }
    public Instant overriddenAt() { return overriddenAt; }
}
