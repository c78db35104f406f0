package eu.smartcity.accelerator.attachments;

import java.time.Instant;
import java.util.UUID;

/** What a page shows of an attachment (never its content). */
public record AttachmentView(UUID id, UUID ownerId, String fileName, long sizeBytes, int pages, String sha256,
        String uploadedBy, Instant uploadedAt) {}
