package eu.smartcity.accelerator.documents.internal;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Every PDF the programme issues is an HTML + CSS Thymeleaf template under {@code templates/documents/pdf/},
 * filled in the document's {@link Locale} with the app's {@code i18n/documents} bundle and laid out as PDF/A-3b by
 * openhtmltopdf (on PDFBox): DejaVu Sans embedded (subset) for all text, the sRGB output intent, XMP metadata
 * with the title. Charts are CSS boxes, so they stay vector.
 */
public final class PdfRenderer {

    public static final String FONT_FAMILY = "DejaVu Sans";
    private static final byte[] REGULAR = withoutLigatures(resource("/fonts/DejaVuSans.ttf"));
    private static final byte[] BOLD = withoutLigatures(resource("/fonts/DejaVuSans-Bold.ttf"));
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    static {
        pinXmlFactories();
    }

    private PdfRenderer() {}

    /**
     * PDFBox writes each PDF/A's XMP metadata through {@code TransformerFactory.newInstance()} and
     * {@code DocumentBuilderFactory.newInstance()}, and openhtmltopdf reads the HTML through
     * {@code SAXParserFactory.newInstance()}; with their system properties unset, each call searches every jar of the
     * class path for a service provider: about a third of the CPU of rendering a contract (issue 19). The factory
     * that search finds now is named in the property, once, so every later call gets the very same implementation
     * without the search. A property already set is left alone.
     */
    static void pinXmlFactories() {
        pin(javax.xml.transform.TransformerFactory.class, () -> javax.xml.transform.TransformerFactory.newInstance().getClass());
        pin(javax.xml.parsers.DocumentBuilderFactory.class, () -> javax.xml.parsers.DocumentBuilderFactory.newInstance().getClass());
        pin(javax.xml.parsers.SAXParserFactory.class, () -> javax.xml.parsers.SAXParserFactory.newInstance().getClass());
    }

    private static void pin(Class<?> factory, java.util.function.Supplier<Class<?>> found) {
        if (System.getProperty(factory.getName()) == null) {
            System.setProperty(factory.getName(), found.get().getName());
        }
    }

    /** The app's bundles (as {@code spring.messages.basename}): documents reuse the portal's words for statuses. */
    private static final ResourceBundleMessageSource MESSAGES = messages();
    private static final SpringTemplateEngine ENGINE = engine(); // after MESSAGES, which it uses

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/documents", "i18n/messages", "i18n/portal", "i18n/subject");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    /** For the templates ({@code ${words.of('challengeStatus.', c.stage)}}): a code's word, the code in lower case when there is none. */
    public record Words(Locale locale) {
        public String of(String prefix, String code) {
            if (code == null) {
                return "\u2014";
            }
            return MESSAGES.getMessage(prefix + code, null, code.toLowerCase(Locale.ROOT).replace('_', ' '), locale);
        }
    }

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(PdfRenderer.class.getClassLoader());
        resolver.setPrefix("templates/documents/pdf/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(MESSAGES);
        return engine;
    }

    /** The filled template as (X)HTML text; the templates are written well-formed, as openhtmltopdf parses XML. */
    public static String html(String template, Locale locale, Map<String, Object> variables) {
        Context context = new Context(locale, variables);
        context.setVariable("words", new Words(locale));
        return ENGINE.process(template, context);
    }

    /** Renders {@code templates/documents/pdf/<template>.html} in {@code locale} to a PDF/A-3b document. */
    public static byte[] pdf(String template, Locale locale, Map<String, Object> variables) {
        String html = html(template, locale, variables);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfVersion(1.7f);
            builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_B);
            builder.useColorProfile(SRGB);
            EnumSet<FSFontUseCase> everywhere = EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.FALLBACK_PRE, FSFontUseCase.FALLBACK_FINAL);
            builder.useFont(() -> new ByteArrayInputStream(REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true, everywhere);
            builder.useFont(() -> new ByteArrayInputStream(BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true, everywhere);
            builder.withProducer("Smart City Accelerator (openhtmltopdf, Apache PDFBox)");
            builder.withHtmlContent(html, PdfRenderer.class.getResource("/templates/documents/pdf/").toExternalForm());
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render " + template + " as PDF", e);
        }
        return out.toByteArray();
    }

    /**
     * The font with its glyph substitution table (GSUB) hidden: PDFBox would otherwise set "fi", "ff" and "fl" as
     * ligature glyphs, which copy and search as U+FB01 etc. ("scifi" not found in the text). The table's tag in the
     * font's table directory is renamed, so no reader knows it; the embedded subset never contains it.
     */
    static byte[] withoutLigatures(byte[] ttf) {
        byte[] copy = ttf.clone();
        int tables = ((copy[4] & 0xff) << 8) | (copy[5] & 0xff);
        for (int i = 0; i < tables; i++) {
            int record = 12 + 16 * i;
            if (new String(copy, record, 4, StandardCharsets.ISO_8859_1).equals("GSUB")) {
                System.arraycopy("xSUB".getBytes(StandardCharsets.ISO_8859_1), 0, copy, record, 4);
            }
        }
        return copy;
    }

    private static byte[] resource(String name) {
        try (InputStream in = PdfRenderer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
