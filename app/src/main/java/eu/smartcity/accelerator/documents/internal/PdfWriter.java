package eu.smartcity.accelerator.documents.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A small flowing-text layout on A4 with PDFBox: headings, wrapped paragraphs, key/value rows, simple
 * tables, a bar chart, and page numbers ("page 2 of 7") added at the end. The one font is Liberation
 * Sans, shipped inside the PDFBox jar and embedded (subset) in every document, so the text renders the
 * same everywhere and can be copied.
 */
public final class PdfWriter implements AutoCloseable {

    public static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 56;
    private static final float BODY = 10.5f;
    private static final float LEADING = 1.35f;

    private final PDDocument document = new PDDocument();
    private final PDType0Font font;
    private final String footer;
    private PDPage page;
    private PDPageContentStream content;
    private float y;

    public PdfWriter(String title, String subject, String footer) {
        this.footer = footer;
        try (InputStream in = PDDocument.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Font " + FONT_RESOURCE + " is missing from the PDFBox jar");
            }
            font = PDType0Font.load(document, in, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setSubject(subject);
        info.setCreator("Smart City Accelerator");
        info.setProducer("Smart City Accelerator (Apache PDFBox)");
        Calendar now = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        info.setCreationDate(now);
        newPage();
    }

    private static float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    public void newPage() {
        try {
            if (content != null) {
                content.close();
            }
            page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ensure(float height) {
        if (y - height < MARGIN + 20) {
            newPage();
        }
    }

    public void space(float points) {
        y -= points;
    }

    public void title(String text) {
        paragraph(text, 20, Color.BLACK, 0);
        space(6);
    }

    public void heading(String text) {
        space(8);
        ensure(60);
        paragraph(text, 14, new Color(0x1f, 0x3a, 0x5f), 0);
        space(2);
    }

    public void subheading(String text) {
        space(4);
        ensure(40);
        paragraph(text, 12, Color.BLACK, 0);
    }

    public void text(String text) {
        paragraph(text, BODY, Color.BLACK, 0);
        space(4);
    }

    public void note(String text) {
        paragraph(text, 9, Color.DARK_GRAY, 0);
        space(3);
    }

    /** A paragraph in a colour (e.g. green for added text, red for removed), indented. */
    public void marked(String text, Color colour, float indent) {
        paragraph(text, BODY, colour, indent);
        space(3);
    }

    public void keyValue(String key, String value) {
        float keyWidth = 150;
        List<String> lines = wrap(value == null ? "" : value, BODY, width() - keyWidth);
        ensure(lines.size() * BODY * LEADING);
        write(key, BODY, Color.DARK_GRAY, MARGIN, y - BODY);
        for (String line : lines) {
            write(line, BODY, Color.BLACK, MARGIN + keyWidth, y - BODY);
            y -= BODY * LEADING;
        }
        space(2);
    }

    /** A table with a header row; column widths as fractions of the text width. */
    public void table(List<String> header, List<List<String>> rows, float[] fractions) {
        row(header, fractions, new Color(0x1f, 0x3a, 0x5f));
        for (List<String> row : rows) {
            row(row, fractions, Color.BLACK);
        }
        space(6);
    }

    private void row(List<String> cells, float[] fractions, Color colour) {
        List<List<String>> wrapped = new ArrayList<>();
        int height = 1;
        for (int i = 0; i < cells.size(); i++) {
            List<String> lines = wrap(cells.get(i) == null ? "" : cells.get(i), 9, width() * fractions[i] - 6);
            wrapped.add(lines);
            height = Math.max(height, lines.size());
        }
        ensure(height * 9 * LEADING + 4);
        float x = MARGIN;
        for (int i = 0; i < cells.size(); i++) {
            float lineY = y - 9;
            for (String line : wrapped.get(i)) {
                write(line, 9, colour, x, lineY);
                lineY -= 9 * LEADING;
            }
            x += width() * fractions[i];
        }
        y -= height * 9 * LEADING + 2;
        line(MARGIN, y, MARGIN + width(), y, Color.LIGHT_GRAY);
        y -= 3;
    }

    /**
     * A horizontal bar chart: per item the target (outline) and the result (filled), drawn with
     * PDFBox's vector graphics (no image), values labelled so the chart also reads as text.
     */
    public void barChart(String caption, String outlineName, String filledName, List<Bar> bars) {
        float barHeight = 10;
        float labelWidth = 150;
        float chartWidth = width() - labelWidth - 60;
        double max = bars.stream().mapToDouble(b -> Math.max(b.target(), b.result())).max().orElse(1);
        if (max <= 0) {
            max = 1;
        }
        ensure(bars.size() * (2 * barHeight + 12) + 30);
        subheading(caption);
        try {
            for (Bar bar : bars) {
                float top = y - 4;
                write(bar.label(), 9, Color.BLACK, MARGIN, top - barHeight + 1);
                float targetWidth = (float) (bar.target() / max * chartWidth);
                float resultWidth = (float) (bar.result() / max * chartWidth);
                content.setStrokingColor(Color.DARK_GRAY);
                content.addRect(MARGIN + labelWidth, top - barHeight, Math.max(targetWidth, 0.5f), barHeight);
                content.stroke();
                write(outlineName + " " + format(bar.target()), 8, Color.DARK_GRAY, MARGIN + labelWidth + targetWidth + 4, top - barHeight + 2);
                content.setNonStrokingColor(bar.good() == null ? new Color(0x1f, 0x5f, 0x9f)
                        : bar.good() ? new Color(0x2e, 0x7d, 0x32) : new Color(0xc6, 0x28, 0x28));
                content.addRect(MARGIN + labelWidth, top - 2 * barHeight - 2, Math.max(resultWidth, 0.5f), barHeight);
                content.fill();
                write(filledName + " " + format(bar.result()), 8, Color.BLACK, MARGIN + labelWidth + resultWidth + 4, top - 2 * barHeight);
                y -= 2 * barHeight + 12;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        space(4);
    }

    /** {@code good}: true green, false red, null (direction unknown) blue. */
    public record Bar(String label, double target, double result, Boolean good) {}

    public static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(java.util.Locale.ROOT, "%.2f", value);
    }

    private void paragraph(String text, float size, Color colour, float indent) {
        for (String raw : text.split("\n", -1)) {
            List<String> lines = wrap(raw, size, width() - indent);
            for (String line : lines) {
                ensure(size * LEADING);
                write(line, size, colour, MARGIN + indent, y - size);
                y -= size * LEADING;
            }
        }
    }

    private void write(String text, float size, Color colour, float x, float baseline) {
        try {
            content.beginText();
            content.setFont(font, size);
            content.setNonStrokingColor(colour);
            content.newLineAtOffset(x, baseline);
            content.showText(printable(text));
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(float x1, float y1, float x2, float y2, Color colour) {
        try {
            content.setStrokingColor(colour);
            content.moveTo(x1, y1);
            content.lineTo(x2, y2);
            content.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Characters the font lacks (and control characters) become '?', so user text never breaks a PDF. */
    private String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean ok;
            try {
                // encode() maps the Unicode code point through the font's cmap (hasGlyph would take a glyph id)
                ok = !Character.isISOControl(cp) && font.encode(new String(Character.toChars(cp))).length > 0;
            } catch (IOException | IllegalArgumentException e) {
                ok = false; // no glyph for it in the font
            }
            out.appendCodePoint(ok ? cp : (cp == '\t' ? ' ' : '?'));
        });
        return out.toString();
    }

    private float widthOf(String text, float size) {
        try {
            return font.getStringWidth(printable(text)) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> wrap(String text, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (widthOf(candidate, size) <= maxWidth) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (!current.isEmpty()) {
                lines.add(current.toString());
                current.setLength(0);
            }
            while (widthOf(word, size) > maxWidth && word.length() > 1) {
                int cut = word.length() - 1;
                while (cut > 1 && widthOf(word.substring(0, cut), size) > maxWidth) {
                    cut--;
                }
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            current.append(word);
        }
        lines.add(current.toString());
        return lines;
    }

    /** Adds "page n of m" and the footer to every page, then saves. */
    public byte[] finish() {
        try {
            content.close();
            content = null;
            int total = document.getNumberOfPages();
            for (int i = 0; i < total; i++) {
                PDPage p = document.getPage(i);
                try (PDPageContentStream footerStream = new PDPageContentStream(document, p, PDPageContentStream.AppendMode.APPEND, true, true)) {
                    String label = footer + "  ·  page " + (i + 1) + " of " + total;
                    footerStream.beginText();
                    footerStream.setFont(font, 8);
                    footerStream.setNonStrokingColor(Color.DARK_GRAY);
                    footerStream.newLineAtOffset(MARGIN, MARGIN / 2);
                    footerStream.showText(printable(label));
                    footerStream.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
