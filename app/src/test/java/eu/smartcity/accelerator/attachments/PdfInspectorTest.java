package eu.smartcity.accelerator.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Uploads are judged by their content, within bounds that stop the work when crossed, and without active content. */
class PdfInspectorTest {

    PdfInspector inspector = new PdfInspector(UploadLimits.defaults().withTimeout(Duration.ofSeconds(20)));

    @AfterEach
    void stop() {
        inspector.destroy();
    }

    static void refused(PdfInspector by, String name, byte[] content, String code) {
        assertThatThrownBy(() -> by.inspect(name, content)).as(name).isInstanceOf(RejectedUploadException.class)
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
    void linksToPagesWebsitesAndMailAndPageTurningAreNotActiveContent() {
        assertThat(inspector.inspect("links.pdf", HostilePdfs.linkWithAction(HostilePdfs.action("URI", "URI", "https://delft.nl/water")))
                .pages()).isEqualTo(1);
        assertThat(inspector.inspect("mail.pdf", HostilePdfs.linkWithAction(HostilePdfs.action("URI", "URI", "mailto:jury@delft.nl")))
                .pages()).isEqualTo(1);
        COSDictionary next = HostilePdfs.action("Named", null, null);
        next.setItem(COSName.N, COSName.getPDFName("NextPage"));
        assertThat(inspector.inspect("next.pdf", HostilePdfs.linkWithAction(next)).pages()).isEqualTo(1);
        COSDictionary print = HostilePdfs.action("Named", null, null);
        print.setItem(COSName.N, COSName.getPDFName("Print"));
        refused(inspector, "print.pdf", HostilePdfs.linkWithAction(print), "upload.action");
        assertThat(inspector.inspect("toc.pdf", tableOfContentsLink()).pages()).isEqualTo(2);
    }

    @Test
    void ordinaryImagesPass() throws Exception {
        java.awt.image.BufferedImage photo = new java.awt.image.BufferedImage(1200, 800, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < photo.getHeight(); y++) {
            for (int x = 0; x < photo.getWidth(); x++) {
                int shade = (x + y) / 8 + random.nextInt(24);
                photo.setRGB(x, y, (Math.min(255, shade) << 16) | ((x * 255 / 1200) << 8) | (y * 255 / 800));
            }
        }
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            var lossless = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(document, photo);
            var jpeg = org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory.createFromImage(document, photo, 0.8f);
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
                content.drawImage(lossless, 20, 400, 300, 200);
                content.drawImage(jpeg, 20, 100, 300, 200);
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            document.save(out);
            assertThat(inspector.inspect("photos.pdf", out.toByteArray()).pages()).isEqualTo(1);
        }
    }

    @Test
    void everyHostileFileOfTheCorpusIsRefusedWithItsOwnReason() {
        for (Map.Entry<String, HostilePdfs.Hostile> hostile : HostilePdfs.corpus().entrySet()) {
            HostilePdfs.Hostile file = hostile.getValue();
            assertThatThrownBy(() -> inspector.inspect(file.fileName(), file.content())).as(hostile.getKey())
                    .isInstanceOf(RejectedUploadException.class)
                    .extracting(e -> ((RejectedUploadException) e).code()).isEqualTo(file.code());
        }
    }

    @Test
    void theBombsAreSmallOnDiskAndTheirRefusalNamesTheLimit() {
        assertThat(HostilePdfs.objectStreamBomb().length).isBetween(500_000, 2_000_000);
        assertThat(HostilePdfs.pageContentBomb().length).isLessThan(8_000);
        long started = System.nanoTime();
        assertThatThrownBy(() -> inspector.inspect("offer.pdf", HostilePdfs.objectStreamBomb()))
                .isInstanceOfSatisfying(RejectedUploadException.class,
                        e -> assertThat(e.args()).containsExactly("offer.pdf", 16L)); // the 16 MB bound on kept streams
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void eachBoundIsItsOwnRefusal() {
        byte[] fiveMegabytesOfNoise = noisyStreamPdf(5 * 1024 * 1024);
        assertThat(inspector.inspect("scan.pdf", fiveMegabytesOfNoise).pages()).isEqualTo(1);
        PdfInspector smallStreams = new PdfInspector(UploadLimits.defaults().withMaxStreamBytes(2 * 1024 * 1024));
        PdfInspector fewObjects = new PdfInspector(UploadLimits.defaults().withMaxObjects(3));
        try {
            refused(smallStreams, "scan.pdf", fiveMegabytesOfNoise, "upload.streamTooLarge");
            refused(fewObjects, "many.pdf", TestPdfs.plain(5), "upload.tooManyObjects");
        } finally {
            smallStreams.destroy();
            fewObjects.destroy();
        }
        refused(inspector, "deep.pdf", HostilePdfs.classic("<< /Type /Catalog /Pages 2 0 R /X " + "[".repeat(200) + "]".repeat(200) + " >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"),
                "upload.tooDeep");
        refused(inspector, "odd.pdf", HostilePdfs.classic("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                "<< /Length 4 /Filter /Brotli >>\nstream\nabcd\nendstream"), "upload.unsupportedFilter");
        byte[] big = Arrays.copyOf("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 10 * 1024 * 1024 + 1);
        assertThatThrownBy(() -> inspector.inspect("big.pdf", big)).isInstanceOfSatisfying(RejectedUploadException.class,
                e -> assertThat(e.args()).containsExactly("big.pdf", 10L));
    }

    @Test
    void otherFiltersAndChainsAreBoundedToo() throws Exception {
        byte[] zeros = new byte[8 * 1024 * 1024];
        java.io.ByteArrayOutputStream lzw = new java.io.ByteArrayOutputStream();
        org.apache.pdfbox.filter.FilterFactory.INSTANCE.getFilter(COSName.LZW_DECODE)
                .encode(new java.io.ByteArrayInputStream(zeros), lzw, new COSDictionary(), 0);
        refused(inspector, "lzw.pdf", withContent("/Filter /LZWDecode", lzw.toByteArray()), "upload.streamRatio");

        java.io.ByteArrayOutputStream flate = new java.io.ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream out = new java.util.zip.DeflaterOutputStream(flate)) {
            out.write(zeros);
        }
        byte[] hex = java.util.HexFormat.of().formatHex(flate.toByteArray()).concat(">").getBytes(StandardCharsets.US_ASCII);
        refused(inspector, "chain.pdf", withContent("/Filter [/ASCIIHexDecode /FlateDecode]", hex), "upload.streamRatio");
        // a length kept in another object, as many writers do
        byte[] deflated = flate.toByteArray();
        refused(inspector, "indirect.pdf", HostilePdfs.classic("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                "<< /Length 5 0 R /Filter /FlateDecode >>\nstream\n" + new String(deflated, StandardCharsets.ISO_8859_1) + "\nendstream",
                String.valueOf(deflated.length)), "upload.streamRatio");
        // blanks after the stream keyword, and a filter named by reference: PDFBox would still decode both
        refused(inspector, "blanks.pdf", HostilePdfs.classic("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                "<< /Length " + deflated.length + " /Filter /FlateDecode >>\nstream   \r\n" + new String(deflated, StandardCharsets.ISO_8859_1)
                        + "\nendstream"), "upload.streamRatio");
        refused(inspector, "by-reference.pdf", HostilePdfs.classic("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                "<< /Length " + deflated.length + " /Filter 5 0 R >>\nstream\n" + new String(deflated, StandardCharsets.ISO_8859_1)
                        + "\nendstream", "/FlateDecode"), "upload.unsupportedFilter");
        // the same chain with little data is an ordinary file
        java.io.ByteArrayOutputStream small = new java.io.ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream out = new java.util.zip.DeflaterOutputStream(small)) {
            out.write("0 0 m 100 100 l S".getBytes(StandardCharsets.US_ASCII));
        }
        byte[] smallHex = java.util.HexFormat.of().formatHex(small.toByteArray()).concat(">").getBytes(StandardCharsets.US_ASCII);
        assertThat(inspector.inspect("chain.pdf", withContent("/Filter [/ASCIIHexDecode /FlateDecode]", smallHex)).pages()).isEqualTo(1);
    }

    /** One page whose content stream has the given filter entry and (already encoded) data. */
    static byte[] withContent(String filter, byte[] data) {
        return HostilePdfs.classic("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                "<< /Length " + data.length + " " + filter + " >>\nstream\n" + new String(data, StandardCharsets.ISO_8859_1)
                        + "\nendstream");
    }

    @Test
    void aTimedOutInspectionStopsWorkingAndFreesItsSlot() {
        // bounds so loose that only the deadline can stop inflating the gigabyte; one slot, so a worker still
        // running after its deadline would make the next upload wait in vain and be told the service is busy
        UploadLimits loose = new UploadLimits(10L << 20, 4L << 30, 4L << 30, 8L << 30, 1_000_000, 1L << 20, 100_000, 64, 100_000_000L, 64L << 20,
                Duration.ofMillis(300), 1, Duration.ofMillis(400));
        PdfInspector deadlined = new PdfInspector(loose);
        try {
            refused(deadlined, "offer.pdf", HostilePdfs.objectStreamBomb(), "upload.tooComplex");
            assertThat(deadlined.inspect("next.pdf", TestPdfs.plain(1)).pages()).isEqualTo(1);
        } finally {
            deadlined.destroy();
        }
    }

    @Test
    void aDisguisedMalformedOversizeEncryptedOrEmptyFileIsRefusedWithItsReason() {
        refused(inspector, "cv.pdf", "MZ this is a program".getBytes(StandardCharsets.US_ASCII), "upload.notPdf");
        refused(inspector, "cv.pdf", "%PDF-1.7\n this is not really a pdf".getBytes(StandardCharsets.US_ASCII), "upload.malformed");
        refused(inspector, "cv.pdf", "%PDF-1.7\n this is not really a pdf\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), "upload.malformed");
        refused(inspector, "empty.pdf", new byte[0], "upload.empty");
        refused(inspector, "offer.pdf.exe", TestPdfs.plain(1), "upload.wrongName");
        refused(inspector, "offer.html", TestPdfs.plain(1), "upload.wrongName");
        assertThat(inspector.inspect("scan", TestPdfs.plain(1)).fileName()).isEqualTo("scan.pdf");
        assertThat(inspector.inspect("SCAN.PDF", TestPdfs.plain(1)).pages()).isEqualTo(1);
    }

    @Test
    void fileNamesAreReducedToAHarmlessLastSegmentEndingInPdf() {
        assertThat(PdfInspector.safeFileName("../../etc/passwd.pdf")).isEqualTo("passwd.pdf");
        assertThat(PdfInspector.safeFileName("C:\\Users\\x\\offer<script>.PDF")).isEqualTo("offer_script_.pdf");
        assertThat(PdfInspector.safeFileName("..")).isEqualTo("attachment.pdf");
        assertThat(PdfInspector.safeFileName(null)).isEqualTo("attachment.pdf");
        assertThat(PdfInspector.safeFileName("a".repeat(300) + ".pdf")).hasSize(120);
    }

    /** Two pages, the first with a link to the second: the GoTo action every table of contents has. */
    static byte[] tableOfContentsLink() {
        try (PDDocument document = new PDDocument()) {
            PDPage first = new PDPage();
            PDPage second = new PDPage();
            document.addPage(first);
            document.addPage(second);
            COSDictionary go = HostilePdfs.action("GoTo", null, null);
            COSArray destination = new COSArray();
            destination.add(second.getCOSObject());
            destination.add(COSName.getPDFName("Fit"));
            go.setItem(COSName.D, destination);
            COSDictionary link = new COSDictionary();
            link.setItem(COSName.SUBTYPE, COSName.LINK);
            link.setItem(COSName.A, go);
            link.setItem(COSName.CONTENTS, new COSString("Chapter 2"));
            COSArray annotations = new COSArray();
            annotations.add(link);
            first.getCOSObject().setItem(COSName.ANNOTS, annotations);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One page whose content stream is {@code size} bytes of low-compressibility text (a scan-like payload). */
    static byte[] noisyStreamPdf(int size) {
        java.util.Random random = new java.util.Random(42);
        byte[] noise = new byte[size];
        for (int i = 0; i < size; i++) {
            noise[i] = (byte) ('a' + random.nextInt(26));
        }
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            org.apache.pdfbox.cos.COSStream stream = document.getDocument().createCOSStream();
            try (java.io.OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                out.write("% ".getBytes(StandardCharsets.US_ASCII));
                out.write(noise);
            }
            page.getCOSObject().setItem(COSName.CONTENTS, stream);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
