package eu.smartcity.accelerator.attachments;

import eu.smartcity.accelerator.attachments.internal.Attachment;
import eu.smartcity.accelerator.attachments.internal.AttachmentRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores inspected PDFs for an owner (an application) and hands them out to the owner's feature. */
@Service
public class Attachments {

    /** Per owner; a jury reads these, so a handful of documents, not a data room. */
    public static final int MAX_PER_OWNER = 5;

    private final AttachmentRepository repository;

    Attachments(AttachmentRepository repository) {
        this.repository = repository;
    }

    /** Joins the caller's transaction: stored together with the owner, or not at all. */
    @Transactional
    public List<AttachmentView> store(UUID ownerId, List<InspectedPdf> pdfs, String uploadedBy) {
        if (repository.findByOwnerIdOrderByUploadedAt(ownerId).size() + pdfs.size() > MAX_PER_OWNER) {
            throw new RejectedUploadException("upload.tooMany", "", MAX_PER_OWNER);
        }
        Instant now = Instant.now();
        return pdfs.stream().map(pdf -> repository.save(new Attachment(ownerId, pdf.fileName(), pdf.content(), pdf.pages(),
                pdf.sha256(), uploadedBy, now)).view()).toList();
    }

    @Transactional(readOnly = true)
    public List<AttachmentView> of(UUID ownerId) {
        return repository.findByOwnerIdOrderByUploadedAt(ownerId).stream().map(Attachment::view).toList();
    }

    @Transactional(readOnly = true)
    public Optional<AttachmentView> find(UUID attachmentId) {
        return repository.findById(attachmentId).map(Attachment::view);
    }

    @Transactional(readOnly = true)
    public byte[] content(UUID attachmentId) {
        return repository.findById(attachmentId).map(Attachment::content).orElseThrow();
    }
}
