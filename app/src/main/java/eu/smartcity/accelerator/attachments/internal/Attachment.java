package eu.smartcity.accelerator.attachments.internal;

import eu.smartcity.accelerator.attachments.AttachmentView;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An uploaded PDF, stored in the database with what it belongs to (its owner: an application)
 * (retention class: PROCUREMENT_RECORD, a bid document; its uploader is pseudonymised on erasure and after the
 * record's period).
 */
@Entity
@Table(name = "attachment")
public class Attachment {

    @Id
    private UUID id;
    @Column(name = "owner_id", nullable = false)
    private UUID ownerId;
    @Column(name = "file_name", nullable = false)
    private String fileName;
    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;
    @Column(nullable = false)
    private int pages;
    @Column(nullable = false)
    private String sha256;
    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;
    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;
    /** Loaded only for a download, never for a list. */
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    protected Attachment() {}

    public Attachment(UUID ownerId, String fileName, byte[] content, int pages, String sha256, String uploadedBy, Instant at) {
        this.id = UUID.randomUUID();
        this.ownerId = ownerId;
        this.fileName = fileName;
        this.sizeBytes = content.length;
        this.content = content;
        this.pages = pages;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = at;
    }

    public byte[] content() {
        return content;
    }

    public AttachmentView view() {
        return new AttachmentView(id, ownerId, fileName, sizeBytes, pages, sha256, uploadedBy, uploadedAt);
    }
}
