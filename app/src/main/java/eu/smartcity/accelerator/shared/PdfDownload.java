package eu.smartcity.accelerator.shared;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * One way to hand out a PDF (uploads, contracts, reports): always as a download, never sniffed, and
 * sandboxed should a browser render it anyway (no scripts, no same-origin access).
 */
public final class PdfDownload {

    private PdfDownload() {}

    public static ResponseEntity<byte[]> of(String fileName, CacheControl cache, byte[] pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.attachment().filename(fileName).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .cacheControl(cache)
                .body(pdf);
    }
}
