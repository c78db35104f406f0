package eu.smartcity.accelerator.attachments.internal;

import eu.smartcity.accelerator.attachments.RejectedUploadException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * What a reader would act on, and must not find in a file we pass to a jury or a city: refused by name wherever
 * it sits (catalog, page, annotation, field, inside object streams), and for actions a whitelist — only going to
 * a page, a web or mail link, and turning pages — so that an action kind nobody listed is refused too.
 */
public final class ActiveContent {

    /** Names whose mere presence in a dictionary means active content, and the refusal each one gets. */
    private static final Map<String, String> FORBIDDEN_NAMES = Map.ofEntries(
            Map.entry("JavaScript", "upload.javascript"), Map.entry("JS", "upload.javascript"),
            Map.entry("Launch", "upload.launch"),
            Map.entry("ImportData", "upload.formAction"), Map.entry("SubmitForm", "upload.formAction"),
            Map.entry("ResetForm", "upload.formAction"),
            Map.entry("GoToR", "upload.otherFile"), Map.entry("GoToE", "upload.otherFile"),
            Map.entry("AA", "upload.automaticAction"),
            Map.entry("EmbeddedFile", "upload.attachedFile"), Map.entry("EmbeddedFiles", "upload.attachedFile"),
            Map.entry("EF", "upload.attachedFile"), Map.entry("FileAttachment", "upload.attachedFile"),
            Map.entry("XFA", "upload.xfa"),
            Map.entry("RichMedia", "upload.richMedia"), Map.entry("RichMediaContent", "upload.richMedia"),
            Map.entry("RichMediaExecute", "upload.richMedia"), Map.entry("Movie", "upload.richMedia"),
            Map.entry("Sound", "upload.richMedia"), Map.entry("Screen", "upload.richMedia"),
            Map.entry("Rendition", "upload.richMedia"), Map.entry("3D", "upload.richMedia"),
            Map.entry("Encrypt", "upload.encrypted"));
    private static final List<String> SAFE_LINK_SCHEMES = List.of("http:", "https:", "mailto:");
    private static final Set<String> SAFE_ACTIONS = Set.of("GoTo", "URI", "Named");
    private static final Set<String> SAFE_NAMED_ACTIONS = Set.of("NextPage", "PrevPage", "FirstPage", "LastPage");
    private static final Set<COSName> ACTION_KEYS = Set.of(COSName.A, COSName.OPEN_ACTION, COSName.getPDFName("Next"),
            COSName.getPDFName("PA"));

    private ActiveContent() {}

    /** The refusal code for a dictionary name, or null when the name is harmless. */
    static String refusalFor(String name) {
        return FORBIDDEN_NAMES.get(name);
    }

    /** Only web and mail links; readers and browsers drop control characters and blanks inside a scheme ("java\tscript:"). */
    static boolean safeLink(String link) {
        String compact = link.replaceAll("[\\x00-\\x20\\x7f]", "").toLowerCase(Locale.ROOT);
        return SAFE_LINK_SCHEMES.stream().anyMatch(compact::startsWith);
    }

    static String shown(String link) {
        String printable = link.replaceAll("[^\\x21-\\x7e]", "");
        return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
    }

    /** The second look, on the objects as PDFBox resolved them: every object in the cross-reference table and the trailer. */
    public static void refuseIn(PDDocument document, String fileName, Deadline deadline) throws Deadline.Passed {
        COSDocument cos = document.getDocument();
        visit(cos.getTrailer(), fileName, 0);
        for (COSObjectKey key : List.copyOf(cos.getXrefTable().keySet())) {
            deadline.check();
            COSObject object = cos.getObjectFromPool(key);
            visit(object == null ? null : object.getObject(), fileName, 0);
        }
    }

    private static void visit(COSBase base, String fileName, int depth) {
        if (depth > 64) {
            return; // the raw scan already refused deeper nesting
        }
        if (base instanceof COSDictionary dictionary) {
            if (COSName.getPDFName("Action").equals(dictionary.getCOSName(COSName.TYPE))) {
                checkAction(dictionary, fileName);
            }
            for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
                String code = refusalFor(entry.getKey().getName());
                if (code != null) {
                    throw new RejectedUploadException(code, fileName, entry.getKey().getName());
                }
                if (ACTION_KEYS.contains(entry.getKey())) {
                    checkActions(entry.getValue(), fileName);
                }
                if (!(entry.getValue() instanceof COSObject)) {
                    visit(entry.getValue(), fileName, depth + 1);
                }
            }
        } else if (base instanceof COSArray array) {
            for (COSBase element : array) {
                if (!(element instanceof COSObject)) {
                    visit(element, fileName, depth + 1);
                }
            }
        }
    }

    private static void checkActions(COSBase value, String fileName) {
        COSBase action = value instanceof COSObject reference ? reference.getObject() : value;
        if (action instanceof COSDictionary dictionary) {
            checkAction(dictionary, fileName);
        } else if (action instanceof COSArray actions) {
            for (COSBase each : actions) {
                COSBase resolved = each instanceof COSObject reference ? reference.getObject() : each;
                if (resolved instanceof COSDictionary dictionary) {
                    checkAction(dictionary, fileName);
                }
            }
        }
    }

    private static void checkAction(COSDictionary action, String fileName) {
        COSName kind = action.getCOSName(COSName.S);
        if (kind == null) {
            return; // an explicit destination array, or not an action at all
        }
        String name = kind.getName();
        String code = refusalFor(name);
        if (code != null) {
            throw new RejectedUploadException(code, fileName, name);
        }
        if (!SAFE_ACTIONS.contains(name)) {
            throw new RejectedUploadException("upload.action", fileName, name);
        }
        if (name.equals("URI")) {
            COSBase uri = action.getDictionaryObject(COSName.URI);
            String link = uri instanceof COSString string ? string.getString() : "";
            if (!safeLink(link)) {
                throw new RejectedUploadException("upload.unsafeLink", fileName, shown(link));
            }
        }
        if (name.equals("Named") && !SAFE_NAMED_ACTIONS.contains(String.valueOf(
                action.getCOSName(COSName.N) == null ? "" : action.getCOSName(COSName.N).getName()))) {
            throw new RejectedUploadException("upload.action", fileName, name);
        }
    }
}
