package eu.smartcity.accelerator.attachments;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Decides whether an uploaded file is a PDF we are willing to keep and pass on to a jury or a city:
 * by its content (the {@code %PDF-} header and a successful parse), never by its name or declared
 * type; within a size limit; parsed in a bounded amount of memory and time (a crafted file must not
 * take the server down); not encrypted (we could not inspect it) and without JavaScript or embedded
 * files (we pass these files to other organisations).
 */
@Component
public class PdfInspector implements DisposableBean {

    private static final byte[] PDF_HEADER = {'%', 'P', 'D', 'F', '-'};

    private final long maxBytes;
    private final long parseMemoryBytes;
    private final Duration parseTimeout;
    /** Parsing happens on its own small pool so that a request thread can give up on it. */
    private final ExecutorService parsing = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "pdf-inspection");
        thread.setDaemon(true);
        return thread;
    });

    PdfInspector(@Value("${accelerator.uploads.max-size:10MB}") DataSize maxSize,
            @Value("${accelerator.uploads.parse-memory:64MB}") DataSize parseMemory,
            @Value("${accelerator.uploads.parse-timeout:10s}") Duration parseTimeout) {
        this.maxBytes = maxSize.toBytes();
        this.parseMemoryBytes = parseMemory.toBytes();
        this.parseTimeout = parseTimeout;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public InspectedPdf inspect(String originalName, byte[] content) {
        String fileName = safeFileName(originalName);
        if (content == null || content.length == 0) {
            throw new RejectedUploadException("upload.empty", fileName);
        }
        if (content.length > maxBytes) {
            throw new RejectedUploadException("upload.tooLarge", fileName);
        }
        if (!startsWithPdfHeader(content)) {
            throw new RejectedUploadException("upload.notPdf", fileName);
        }
        Future<Integer> pages = parsing.submit(() -> countPagesOfSafePdf(content, fileName));
        try {
            return new InspectedPdf(fileName, content, pages.get(parseTimeout.toMillis(), TimeUnit.MILLISECONDS), sha256(content));
        } catch (TimeoutException tooSlow) {
            pages.cancel(true);
            throw new RejectedUploadException("upload.tooComplex", fileName);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RejectedUploadException rejected) {
                throw rejected;
            }
            // IOException from the parser, or an OutOfMemoryError-like failure inside the memory bound
            throw new RejectedUploadException("upload.malformed", fileName);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new RejectedUploadException("upload.malformed", fileName);
        }
    }

    private int countPagesOfSafePdf(byte[] content, String fileName) throws Exception {
        PDDocument loaded;
        try {
            loaded = Loader.loadPDF(content, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(parseMemoryBytes).streamCache);
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException needsPassword) {
            throw new RejectedUploadException("upload.encrypted", fileName);
        }
        try (PDDocument document = loaded) {
            if (document.isEncrypted()) {
                throw new RejectedUploadException("upload.encrypted", fileName);
            }
            PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
            boolean activeContent = document.getDocumentCatalog().getCOSObject().containsKey(org.apache.pdfbox.cos.COSName.OPEN_ACTION)
                    && document.getDocumentCatalog().getOpenAction() instanceof org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
            if (activeContent || names != null && (names.getJavaScript() != null || names.getEmbeddedFiles() != null)) {
                throw new RejectedUploadException("upload.activeContent", fileName);
            }
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                throw new RejectedUploadException("upload.malformed", fileName);
            }
            return pages;
        }
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
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
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
        parsing.shutdownNow();
    }
}
