package eu.smartcity.accelerator.attachments;

import eu.smartcity.accelerator.shared.Turns;
import eu.smartcity.accelerator.attachments.internal.ActiveContent;
import eu.smartcity.accelerator.attachments.internal.Deadline;
import eu.smartcity.accelerator.attachments.internal.DeadlineRead;
import eu.smartcity.accelerator.attachments.internal.RawPdfScan;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Decides whether an uploaded file is a PDF we are willing to keep and pass on to a jury or a city: by its
 * content (the {@code %PDF-} header, nothing hidden before or after it, a successful parse), never by its
 * declared type; under hard bounds that stop the work when crossed ({@link UploadLimits}); not encrypted;
 * without active content of any kind. Every refusal is a {@link RejectedUploadException} with a message
 * key and arguments, for the applicant's language.
 *
 * <p>Order matters: the raw pre-scan ({@link RawPdfScan}) decompresses every stream into a counting sink
 * before PDFBox decodes anything, so a decompression bomb is refused cheaply; only then does PDFBox load the
 * file, reading through {@link DeadlineRead} with a bounded stream cache, and the object graph is checked
 * again ({@link ActiveContent}). At most {@code concurrentInspections} run at once, so the memory all
 * inspections can take is bounded however many uploads arrive together.
 */
@Component
public class PdfInspector implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PdfInspector.class);
    private static final byte[] PDF_HEADER = {'%', 'P', 'D', 'F', '-'};

    private final UploadLimits limits;
    private final Turns slots;
    /** Inspections run on their own threads (one per slot) so that a request can give up waiting for one. */
    private final ExecutorService inspecting;

    @Autowired
    PdfInspector(@Value("${accelerator.uploads.max-size:10MB}") DataSize maxSize,
            @Value("${accelerator.uploads.max-stream-size:64MB}") DataSize maxStream,
            @Value("${accelerator.uploads.max-held-stream-size:16MB}") DataSize maxHeldStream,
            @Value("${accelerator.uploads.max-decompressed-total:256MB}") DataSize maxTotal,
            @Value("${accelerator.uploads.max-ratio:200}") int maxRatio,
            @Value("${accelerator.uploads.ratio-floor:1MB}") DataSize ratioFloor,
            @Value("${accelerator.uploads.max-objects:100000}") int maxObjects,
            @Value("${accelerator.uploads.max-nesting:64}") int maxNesting,
            @Value("${accelerator.uploads.max-image-pixels:100000000}") long maxImagePixels,
            @Value("${accelerator.uploads.parse-memory:64MB}") DataSize parseMemory,
            @Value("${accelerator.uploads.parse-timeout:10s}") Duration parseTimeout,
            @Value("${accelerator.uploads.concurrent-inspections:2}") int concurrentInspections,
            @Value("${accelerator.uploads.inspection-wait:2s}") Duration inspectionWait) {
        this(new UploadLimits(maxSize.toBytes(), maxStream.toBytes(), maxHeldStream.toBytes(), maxTotal.toBytes(), maxRatio,
                ratioFloor.toBytes(), maxObjects, maxNesting, maxImagePixels, parseMemory.toBytes(), parseTimeout, concurrentInspections,
                inspectionWait));
    }

    public PdfInspector(UploadLimits limits) {
        this.limits = limits;
        this.slots = new Turns(limits.concurrentInspections(), limits.queueWait());
        this.inspecting = Executors.newFixedThreadPool(limits.concurrentInspections(), runnable -> {
            Thread thread = new Thread(runnable, "pdf-inspection");
            thread.setDaemon(true);
            return thread;
        });
    }

    public long maxBytes() {
        return limits.maxFileBytes();
    }

    public UploadLimits limits() {
        return limits;
    }

    public InspectedPdf inspect(String originalName, byte[] content) {
        String fileName = safeFileName(originalName);
        if (content == null || content.length == 0) {
            throw new RejectedUploadException("upload.empty", fileName);
        }
        if (content.length > limits.maxFileBytes()) {
            throw new RejectedUploadException("upload.tooLarge", fileName, UploadLimits.megabytes(limits.maxFileBytes()));
        }
        if (!nameSaysPdf(originalName)) {
            throw new RejectedUploadException("upload.wrongName", fileName);
        }
        if (!startsWithPdfHeader(content)) {
            throw new RejectedUploadException("upload.notPdf", fileName);
        }
        acquireSlot(fileName);
        Deadline deadline = new Deadline(limits.timeout());
        // whoever claims the inspection first releases its slot: the worker when its work has really stopped,
        // or the request if it gave up before the worker started
        AtomicBoolean claimed = new AtomicBoolean();
        Future<Integer> pages;
        try {
            pages = inspecting.submit(() -> {
                if (!claimed.compareAndSet(false, true)) {
                    throw new CancellationException("given up before it started");
                }
                try {
                    return countPagesOfSafePdf(content, fileName, deadline);
                } finally {
                    slots.release();
                }
            });
        } catch (RuntimeException rejected) {
            slots.release();
            throw rejected;
        }
        try {
            int count = pages.get(limits.timeout().toMillis() + 500, TimeUnit.MILLISECONDS);
            return new InspectedPdf(fileName, content, count, sha256(content));
        } catch (TimeoutException tooSlow) {
            giveUp(pages, claimed);
            throw tooComplex(fileName);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RejectedUploadException rejected) {
                throw rejected;
            }
            if (failed.getCause() instanceof Deadline.Passed || deadline.passed()) {
                // PDFBox may turn a read stopped at the deadline into another error: the deadline is the reason
                throw tooComplex(fileName);
            }
            log.info("Upload {} refused as malformed: {}", fileName, String.valueOf(failed.getCause()));
            throw new RejectedUploadException("upload.malformed", fileName);
        } catch (InterruptedException interrupted) {
            giveUp(pages, claimed);
            Thread.currentThread().interrupt();
            throw tooComplex(fileName);
        }
    }

    /** Interrupts the worker (its next deadline check stops it); frees the slot if the worker never started. */
    private void giveUp(Future<Integer> pages, AtomicBoolean claimed) {
        pages.cancel(true);
        if (claimed.compareAndSet(false, true)) {
            slots.release();
        }
    }

    private void acquireSlot(String fileName) {
        if (!slots.take()) {
            throw new RejectedUploadException("upload.busy", fileName);
        }
    }

    private RejectedUploadException tooComplex(String fileName) {
        return new RejectedUploadException("upload.tooComplex", fileName, Math.max(1, limits.timeout().toSeconds()));
    }

    private int countPagesOfSafePdf(byte[] content, String fileName, Deadline deadline) throws Exception {
        RawPdfScan.scan(content, fileName, limits, deadline);
        PDDocument loaded;
        try {
            loaded = Loader.loadPDF(new DeadlineRead(content, deadline), "", null, null,
                    MemoryUsageSetting.setupMainMemoryOnly(limits.parseMemoryBytes()).streamCache);
        } catch (InvalidPasswordException needsPassword) {
            throw new RejectedUploadException("upload.encrypted", fileName);
        }
        try (PDDocument document = loaded) {
            deadline.check();
            if (document.isEncrypted()) {
                throw new RejectedUploadException("upload.encrypted", fileName);
            }
            ActiveContent.refuseIn(document, fileName, deadline);
            int pages = document.getNumberOfPages();
            deadline.check(); // PDFBox may have swallowed a read that stopped at the deadline
            if (pages == 0) {
                throw new RejectedUploadException("upload.malformed", fileName);
            }
            return pages;
        }
    }

    /** A name without an extension is taken as a PDF; one with another extension (.exe, .docx, .html) is not. */
    static boolean nameSaysPdf(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot <= 0 || name.substring(dot).equals(".pdf");
    }

    private static boolean startsWithPdfHeader(byte[] content) {
        if (content.length < PDF_HEADER.length) {
            return false;
        }
        for (int i = 0; i < PDF_HEADER.length; i++) {
            if (content[i] != PDF_HEADER[i]) {
                return false;
            }
        }
        return true;
    }

    /** Only the last path segment, only harmless characters, always ending in .pdf, at most 120 characters. */
    static String safeFileName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        if (name.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            name = name.substring(0, name.length() - 4);
        }
        if (name.isBlank() || name.matches("[._ -]*")) {
            name = "attachment";
        }
        return (name.length() > 116 ? name.substring(0, 116) : name) + ".pdf";
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public void destroy() {
        inspecting.shutdownNow();
    }
}
