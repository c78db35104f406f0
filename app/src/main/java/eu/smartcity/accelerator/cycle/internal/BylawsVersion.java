package eu.smartcity.accelerator.cycle.internal;

import eu.smartcity.accelerator.cycle.BylawsVersions;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One bylaws version: its rules.yaml, bylaws.md and contract template (each with its Dutch and French texts); immutable once published.
 * Retention class: PROCUREMENT_RECORD (created_by and published_by are user ids: pseudonymised on erasure). */
@Entity
@Table(name = "bylaws_version")
class BylawsVersion {

    @Id
    private String version;
    @Column(name = "based_on")
    private String basedOn;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BylawsVersions.Status status;
    @Column(name = "rules_yaml", nullable = false)
    private String rulesYaml;
    @Column(name = "bylaws_md", nullable = false)
    private String bylawsMd;
    @Column(name = "contract_template_md")
    private String contractTemplateMd;
    @Column(name = "contract_template_md_nl")
    private String contractTemplateMdNl;
    @Column(name = "contract_template_md_fr")
    private String contractTemplateMdFr;
    @Column(name = "bylaws_md_nl")
    private String bylawsMdNl;
    @Column(name = "bylaws_md_fr")
    private String bylawsMdFr;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Column(name = "published_by")
    private String publishedBy;

    protected BylawsVersion() {}

    BylawsVersion(String version, String basedOn, String rulesYaml, String bylawsMd, String contractTemplateMd,
            Instant createdAt, String createdBy) {
        this.version = version;
        this.basedOn = basedOn;
        this.status = BylawsVersions.Status.DRAFT;
        this.rulesYaml = rulesYaml;
        this.bylawsMd = bylawsMd;
        this.contractTemplateMd = contractTemplateMd;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    void edit(String rulesYaml, String bylawsMd, String contractTemplateMd) {
        requireDraft();
        this.rulesYaml = rulesYaml;
        this.bylawsMd = bylawsMd;
        this.contractTemplateMd = contractTemplateMd;
    }

    /** The template's translations: of a draft, or of a version seeded before translations shipped (filled in once). */
    void translations(String nl, String fr) {
        if (status != BylawsVersions.Status.DRAFT && (contractTemplateMdNl != null || contractTemplateMdFr != null)) {
            throw new IllegalStateException("Bylaws version " + version + " is published and cannot change");
        }
        this.contractTemplateMdNl = nl;
        this.contractTemplateMdFr = fr;
    }

    /** The readable text's translations: of a draft, or of a version seeded before they shipped (filled in once). */
    void bylawsTranslations(String nl, String fr) {
        if (status != BylawsVersions.Status.DRAFT && (bylawsMdNl != null || bylawsMdFr != null)) {
            throw new IllegalStateException("Bylaws version " + version + " is published and cannot change");
        }
        this.bylawsMdNl = nl;
        this.bylawsMdFr = fr;
    }

    void publish(Instant at, String by) {
        requireDraft();
        this.status = BylawsVersions.Status.PUBLISHED;
        this.publishedAt = at;
        this.publishedBy = by;
    }

    private void requireDraft() {
        if (status != BylawsVersions.Status.DRAFT) {
            throw new IllegalStateException("Bylaws version " + version + " is published and cannot change");
        }
    }

    String version() { return version; }
    String basedOn() { return basedOn; }
    BylawsVersions.Status status() { return status; }
    String rulesYaml() { return rulesYaml; }
    String bylawsMd() { return bylawsMd; }
    String contractTemplateMd() { return contractTemplateMd; }
    String contractTemplateMdNl() { return contractTemplateMdNl; }
    String contractTemplateMdFr() { return contractTemplateMdFr; }
    String bylawsMdNl() { return bylawsMdNl; }
    String bylawsMdFr() { return bylawsMdFr; }

    BylawsVersions.VersionView view(String title) {
        return new BylawsVersions.VersionView(version, title, basedOn, status, createdAt, createdBy, publishedAt, publishedBy);
    }
}
