package eu.smartcity.accelerator.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Uploads are judged by their content, within a size, memory and time bound. */
class PdfInspectorTest {

    PdfInspector inspector = new PdfInspector(DataSize.ofKilobytes(64), DataSize.ofMegabytes(16), Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        inspector.destroy();
    }

    void refused(String name, byte[] content, String code) {
        assertThatThrownBy(() -> inspector.inspect(name, content)).isInstanceOf(RejectedUploadException.class)
                .extracting(e -> ((RejectedUploadException) e).code()).isEqualTo(code);
    }

    @Test
    void aRealPdfIsAcceptedWithItsPagesAndFingerprint() {
        byte[] pdf = TestPdfs.plain(3);
        InspectedPdf inspected = inspector.inspect("Offer 2026.pdf", pdf);
        assertThat(inspected.pages()).isEqualTo(3);
        assertThat(inspected.sha256()).hasSize(64).isEqualTo(PdfInspector.sha256(pdf));
        assertThat(inspected.fileName()).isEqualTo("Offer 2026.pdf");
    }

    @Test
    void aDisguisedMalformedOversizeEncryptedOrScriptedFileIsRefusedWithItsReason() {
        refused("cv.pdf", "MZ this is a program".getBytes(StandardCharsets.US_ASCII), "upload.notPdf");
        refused("cv.pdf", "%PDF-1.7\n this is not really a pdf".getBytes(StandardCharsets.US_ASCII), "upload.malformed");
        byte[] truncated = TestPdfs.plain(1);
        refused("cut.pdf", Arrays.copyOf(truncated, truncated.length / 3), "upload.malformed");
        refused("empty.pdf", new byte[0], "upload.empty");
        byte[] big = Arrays.copyOf("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 65 * 1024);
        refused("big.pdf", big, "upload.tooLarge");
        refused("secret.pdf", TestPdfs.encrypted(), "upload.encrypted");
        refused("script.pdf", TestPdfs.withOpenScript(), "upload.activeContent");
    }

    @Test
    void fileNamesAreReducedToAHarmlessLastSegmentEndingInPdf() {
        assertThat(PdfInspector.safeFileName("../../etc/passwd.pdf")).isEqualTo("passwd.pdf");
        assertThat(PdfInspector.safeFileName("C:\\Users\\x\\offer<script>.PDF")).isEqualTo("offer_script_.pdf");
        assertThat(PdfInspector.safeFileName("..")).isEqualTo("attachment.pdf");
        assertThat(PdfInspector.safeFileName(null)).isEqualTo("attachment.pdf");
        assertThat(PdfInspector.safeFileName("a".repeat(300) + ".pdf")).hasSize(120);
    }
}
