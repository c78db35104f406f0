package eu.smartcity.accelerator.attachments.internal;

import eu.smartcity.accelerator.attachments.RejectedUploadException;
import eu.smartcity.accelerator.attachments.UploadLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * The first look at an upload, on its raw bytes and before PDFBox decodes anything: finds every stream the
 * way a reader would (its dictionary, its {@code /Length} or the next {@code endstream}), decompresses it into
 * a counting sink that stops at the size, ratio, total and time bounds, and reads every dictionary — in the
 * file and inside object streams — for what a reader would act on (actions, automatic actions, attached
 * files, XFA, rich media, links that are not web or mail addresses). Because it does not trust the
 * cross-reference table, an object a reader might find and PDFBox might not is read too.
 */
public final class RawPdfScan {

    private static final List<String> IMAGE_FILTERS = List.of("DCTDecode", "DCT", "JPXDecode", "JBIG2Decode", "CCITTFaxDecode", "CCF");
    private static final Map<String, String> BUFFERED_FILTERS = Map.of("ASCIIHexDecode", "ASCIIHexDecode", "AHx", "ASCIIHexDecode",
            "ASCII85Decode", "ASCII85Decode", "A85", "ASCII85Decode", "RunLengthDecode", "RunLengthDecode", "RL", "RunLengthDecode",
            "LZWDecode", "LZWDecode", "LZW", "LZWDecode");
    private static final String[] POLYGLOT_MARKUP = {"<html", "<script", "<!doctype", "<svg", "<body", "<iframe"};
    private static final Pattern INTEGER_OBJECT = Pattern.compile("(?<!\\d)(\\d{1,10})\\s+(\\d{1,5})\\s+obj\\s*(\\d{1,12})\\s*endobj");
    private static final int ZIP_TAIL = 65_557; // a ZIP reader looks for its end record this far from the end

    private final byte[] pdf;
    private final String fileName;
    private final UploadLimits limits;
    private final Deadline deadline;
    private long totalDecoded;
    private long objects;
    private Map<String, Long> integerObjects;

    private RawPdfScan(byte[] pdf, String fileName, UploadLimits limits, Deadline deadline) {
        this.pdf = pdf;
        this.fileName = fileName;
        this.limits = limits;
        this.deadline = deadline;
    }

    /** Refuses (with the reason) or returns normally; throws {@link Deadline.Passed} when out of time. */
    public static void scan(byte[] pdf, String fileName, UploadLimits limits, Deadline deadline) throws Deadline.Passed {
        new RawPdfScan(pdf, fileName, limits, deadline).run();
    }

    private record Stream(int dictFrom, int dictTo, int dataFrom, int dataTo) {}

    private void run() throws Deadline.Passed {
        refuseTruncatedOrPolyglot();
        List<Stream> streams = new ArrayList<>();
        List<int[]> structure = new ArrayList<>();
        int segment = 0;
        int at = 0;
        while ((at = indexOf("stream", at)) >= 0) {
            deadline.check();
            Stream stream = streamAt(at);
            if (stream == null) {
                at += 6;
                continue;
            }
            streams.add(stream);
            structure.add(new int[] {segment, stream.dataFrom()});
            int endstream = indexOf("endstream", stream.dataTo());
            segment = endstream < 0 ? pdf.length : endstream + "endstream".length();
            at = segment;
        }
        structure.add(new int[] {segment, pdf.length});
        for (int[] range : structure) {
            readDictionaries(pdf, range[0], range[1]);
        }
        for (Stream stream : streams) {
            decode(stream);
        }
    }

    private void refuseTruncatedOrPolyglot() {
        int eof = lastIndexOf("%%EOF");
        if (eof < 0) {
            throw refusal("upload.malformed");
        }
        for (int i = eof + 5; i < pdf.length; i++) {
            if (!PdfTokens.whitespace(pdf[i] & 0xff)) {
                throw refusal("upload.polyglot"); // data after the end of the PDF: how ZIP/JAR/HTML polyglots are made
            }
        }
        String head = new String(pdf, 0, Math.min(pdf.length, 1024), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        for (String markup : POLYGLOT_MARKUP) {
            if (head.contains(markup)) {
                throw refusal("upload.polyglot");
            }
        }
        for (int i = Math.max(0, pdf.length - ZIP_TAIL); i + 3 < pdf.length; i++) {
            if (pdf[i] == 'P' && pdf[i + 1] == 'K' && pdf[i + 2] == 5 && pdf[i + 3] == 6) {
                throw refusal("upload.polyglot");
            }
        }
    }

    /** The stream whose {@code stream} keyword is at {@code at}, or null when this is not one. */
    private Stream streamAt(int at) {
        if (at >= 3 && pdf[at - 1] == 'd' && pdf[at - 2] == 'n' && pdf[at - 3] == 'e') {
            return null; // endstream
        }
        int after = at + 6;
        if (after >= pdf.length) {
            return null;
        }
        int close = at - 1;
        while (close >= 0 && PdfTokens.whitespace(pdf[close] & 0xff)) {
            close--;
        }
        if (close < 1 || pdf[close] != '>' || pdf[close - 1] != '>') {
            return null;
        }
        int open = matchingOpen(close);
        if (open < 0) {
            return null;
        }
        // where PDFBox starts the data: after any spaces, then CR LF, CR or LF if there is one
        int dataFrom = after;
        while (dataFrom < pdf.length && pdf[dataFrom] == ' ') {
            dataFrom++;
        }
        if (dataFrom < pdf.length && pdf[dataFrom] == '\r') {
            dataFrom++;
        }
        if (dataFrom < pdf.length && pdf[dataFrom] == '\n') {
            dataFrom++;
        }
        Dictionary dictionary = Dictionary.of(pdf, open, close + 1);
        return new Stream(open, close + 1, dataFrom, dataEnd(dictionary, dataFrom));
    }

    private int matchingOpen(int closeAt) {
        int depth = 0;
        for (int k = closeAt; k > 0 && closeAt - k < 256 * 1024; k--) {
            if (pdf[k] == '>' && pdf[k - 1] == '>') {
                depth++;
                k--;
            } else if (pdf[k] == '<' && pdf[k - 1] == '<') {
                if (--depth == 0) {
                    return k - 1;
                }
                k--;
            }
        }
        return -1;
    }

    /** Where a reader ends the data: at /Length when it is followed by endstream, else before the next endstream. */
    private int dataEnd(Dictionary dictionary, int dataFrom) {
        long length = dictionary.length >= 0 ? dictionary.length
                : dictionary.lengthRef != null ? indirectInteger(dictionary.lengthRef) : -1;
        if (length >= 0 && dataFrom + length <= pdf.length) {
            int k = (int) (dataFrom + length);
            while (k < pdf.length && PdfTokens.whitespace(pdf[k] & 0xff)) {
                k++;
            }
            if (startsWith("endstream", k)) {
                return (int) (dataFrom + length);
            }
        }
        int endstream = indexOf("endstream", dataFrom);
        if (endstream < 0) {
            return pdf.length;
        }
        int end = endstream;
        if (end > dataFrom && pdf[end - 1] == '\n') {
            end--;
        }
        if (end > dataFrom && pdf[end - 1] == '\r') {
            end--;
        }
        return end;
    }

    /** An indirect /Length: the integer object it refers to, all of them found in one pass over the file. */
    private long indirectInteger(String reference) {
        if (integerObjects == null) {
            integerObjects = new java.util.HashMap<>();
            Matcher m = INTEGER_OBJECT.matcher(new String(pdf, StandardCharsets.ISO_8859_1));
            while (m.find()) {
                integerObjects.put(m.group(1) + " " + m.group(2), Long.parseLong(m.group(3)));
            }
        }
        return integerObjects.getOrDefault(reference, -1L);
    }

    /** Every dictionary and array in the range: forbidden names, links, nesting depth, object count. */
    private void readDictionaries(byte[] bytes, int from, int to) throws Deadline.Passed {
        PdfTokens tokens = new PdfTokens(bytes, from, to);
        int depth = 0;
        boolean linkFollows = false;
        int seen = 0;
        while (tokens.next() != PdfTokens.Kind.END) {
            if ((++seen & 0x3ff) == 0) {
                deadline.check();
            }
            switch (tokens.kind) {
                case OPEN_DICT, OPEN_ARRAY -> {
                    if (++depth > limits.maxNesting()) {
                        throw refusal("upload.tooDeep", limits.maxNesting());
                    }
                    linkFollows = false;
                }
                case CLOSE_DICT, CLOSE_ARRAY -> {
                    depth = Math.max(0, depth - 1);
                    linkFollows = false;
                }
                case NAME -> {
                    String code = ActiveContent.refusalFor(tokens.text);
                    if (code != null) {
                        throw refusal(code, tokens.text);
                    }
                    linkFollows = tokens.text.equals("URI");
                }
                case STRING -> {
                    if (linkFollows) {
                        refuseUnsafeLink(tokens.string);
                    }
                    linkFollows = false;
                }
                case KEYWORD -> {
                    if (tokens.text.equals("obj")) {
                        countObjects(1);
                    }
                    linkFollows = false;
                }
                default -> linkFollows = false;
            }
        }
    }

    private void countObjects(long more) {
        objects += more;
        if (objects > limits.maxObjects()) {
            throw refusal("upload.tooManyObjects", limits.maxObjects());
        }
    }

    private void refuseUnsafeLink(byte[] uri) {
        String link = uri.length >= 2 && (uri[0] & 0xff) == 0xfe && (uri[1] & 0xff) == 0xff
                ? new String(uri, 2, uri.length - 2, StandardCharsets.UTF_16BE)
                : new String(uri, StandardCharsets.ISO_8859_1);
        if (!ActiveContent.safeLink(link)) {
            throw refusal("upload.unsafeLink", ActiveContent.shown(link));
        }
    }

    private void decode(Stream stream) throws Deadline.Passed {
        Dictionary dictionary = Dictionary.of(pdf, stream.dictFrom(), stream.dictTo());
        if (dictionary.indirectFilter) {
            throw refusal("upload.unsupportedFilter", "R"); // a filter named by reference: no writer needs it, and it hides the decoder
        }
        if (dictionary.width > 0 && dictionary.height > 0 && dictionary.width * dictionary.height > limits.maxImagePixels()) {
            // a reader would decode this image whole: the jury's viewer, not the server, would run out of memory
            throw refusal("upload.imageTooLarge", limits.maxImagePixels() / 1_000_000);
        }
        // an object stream is read by its /N and /First whatever its /Type says
        boolean held = dictionary.types.contains("ObjStm") || dictionary.types.contains("XRef") || dictionary.first;
        long encoded = Math.max(1, stream.dataTo() - stream.dataFrom());
        byte[] data = java.util.Arrays.copyOfRange(pdf, stream.dataFrom(), Math.max(stream.dataFrom(), stream.dataTo()));
        List<String> filters = dictionary.filters;
        for (int i = 0; i < filters.size(); i++) {
            String filter = filters.get(i);
            boolean keep = held || i < filters.size() - 1;
            if (IMAGE_FILTERS.contains(filter) && !held) {
                return; // an image codec ends the chain; we never render, so it is never decoded here
            }
            if (filter.equals("Crypt")) {
                throw refusal("upload.encrypted");
            }
            Sink sink = new Sink(keep ? limits.maxHeldStreamBytes() : limits.maxStreamBytes(), encoded, keep);
            if (filter.equals("FlateDecode") || filter.equals("Fl")) {
                inflate(data, sink);
            } else if (BUFFERED_FILTERS.containsKey(filter)) {
                try {
                    FilterFactory.INSTANCE.getFilter(COSName.getPDFName(BUFFERED_FILTERS.get(filter)))
                            .decode(new ByteArrayInputStream(data), sink, new COSDictionary(), 0);
                } catch (IOException broken) {
                    // a broken stream decodes to what it has; a limit that stopped it is raised below
                }
            } else {
                throw refusal("upload.unsupportedFilter", filter);
            }
            sink.raiseIfStopped();
            if (keep) {
                data = sink.bytes();
            }
        }
        if (held) {
            if (dictionary.types.contains("ObjStm")) {
                countObjects(Math.max(0, dictionary.n));
            }
            readDictionaries(data, 0, data.length);
        }
    }

    private void inflate(byte[] data, Sink sink) throws Deadline.Passed {
        boolean raw = false;
        while (true) {
            Inflater inflater = new Inflater(raw);
            try {
                inflater.setInput(data);
                byte[] buffer = new byte[64 * 1024];
                while (!inflater.finished()) {
                    int n = inflater.inflate(buffer);
                    if (n == 0) {
                        return; // needs input (truncated) or a dictionary: what is there has been counted
                    }
                    sink.write(buffer, 0, n);
                }
                return;
            } catch (DataFormatException broken) {
                if (raw || sink.count > 0) {
                    return; // like PDFBox: a damaged stream yields what decoded before the damage
                }
                raw = true; // some writers omit the zlib header
            } catch (IOException stopped) {
                sink.raiseIfStopped();
                return;
            } finally {
                inflater.end();
            }
        }
    }

    /** Counts decompressed bytes as they are produced and stops the decoder at a bound by throwing from write. */
    private final class Sink extends java.io.OutputStream {

        final class Stopped extends IOException {
            Stopped() {
                super("limit", null);
            }
        }

        private final long max;
        private final long encoded;
        private final java.io.ByteArrayOutputStream kept;
        long count;
        private RejectedUploadException refusal;
        private Deadline.Passed late;

        Sink(long max, long encoded, boolean keep) {
            this.max = max;
            this.encoded = encoded;
            this.kept = keep ? new java.io.ByteArrayOutputStream() : null;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (refusal != null || late != null) {
                throw new Stopped();
            }
            count += len;
            totalDecoded += len;
            if (count > max) {
                refusal = refusal("upload.streamTooLarge", UploadLimits.megabytes(max));
            } else if (count > limits.ratioFloorBytes() && count > encoded * limits.maxRatio()) {
                refusal = refusal("upload.streamRatio", limits.maxRatio());
            } else if (totalDecoded > limits.maxTotalBytes()) {
                refusal = refusal("upload.tooMuchData", UploadLimits.megabytes(limits.maxTotalBytes()));
            } else if (deadline.passed()) {
                late = new Deadline.Passed();
            }
            if (refusal != null || late != null) {
                throw new Stopped();
            }
            if (kept != null) {
                kept.write(b, off, len);
            }
        }

        void raiseIfStopped() throws Deadline.Passed {
            if (refusal != null) {
                throw refusal;
            }
            if (late != null) {
                throw late;
            }
        }

        byte[] bytes() {
            return kept.toByteArray();
        }
    }

    private RejectedUploadException refusal(String code, Object... limit) {
        Object[] args = new Object[limit.length + 1];
        args[0] = fileName;
        System.arraycopy(limit, 0, args, 1, limit.length);
        return new RejectedUploadException(code, args);
    }

    private int indexOf(String keyword, int from) {
        byte[] k = keyword.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = Math.max(0, from); i <= pdf.length - k.length; i++) {
            for (int j = 0; j < k.length; j++) {
                if (pdf[i + j] != k[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private int lastIndexOf(String keyword) {
        byte[] k = keyword.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = pdf.length - k.length; i >= 0; i--) {
            if (startsWith(keyword, i)) {
                return i;
            }
        }
        return -1;
    }

    private boolean startsWith(String keyword, int at) {
        if (at < 0 || at + keyword.length() > pdf.length) {
            return false;
        }
        for (int j = 0; j < keyword.length(); j++) {
            if (pdf[at + j] != keyword.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /** The top level of a stream dictionary: what the scan needs to find and decode its data. */
    private static final class Dictionary {
        long length = -1;
        String lengthRef;
        long n = -1;
        long width = -1;
        long height = -1;
        boolean first;
        boolean indirectFilter;
        final List<String> filters = new ArrayList<>();
        final List<String> types = new ArrayList<>();

        static Dictionary of(byte[] pdf, int from, int to) {
            Dictionary d = new Dictionary();
            PdfTokens t = new PdfTokens(pdf, from, to);
            int depth = 0;
            String key = null;
            List<String> pending = new ArrayList<>();
            while (t.next() != PdfTokens.Kind.END) {
                switch (t.kind) {
                    case OPEN_DICT -> {
                        depth++;
                        if (depth > 1) {
                            key = null;
                        }
                    }
                    case CLOSE_DICT -> depth--;
                    case OPEN_ARRAY -> depth++;
                    case CLOSE_ARRAY -> {
                        depth--;
                        if (depth == 1) {
                            if ("Filter".equals(key)) {
                                d.filters.addAll(pending);
                            }
                            key = null;
                        }
                    }
                    case NAME -> {
                        if (depth == 1 && key == null) {
                            key = t.text;
                            pending.clear();
                        } else if (depth == 2 && "Filter".equals(key)) {
                            pending.add(t.text);
                        } else if (depth == 1) {
                            if (key.equals("Filter")) {
                                d.filters.add(t.text);
                            } else if (key.equals("Type")) {
                                d.types.add(t.text);
                            }
                            key = null;
                        }
                    }
                    case KEYWORD -> {
                        if ("Filter".equals(key) && depth <= 2 && t.text.matches("\\d+")) {
                            d.indirectFilter = true;
                        }
                        if (depth == 1 && key != null) {
                            if (key.equals("Length") && t.text.matches("\\d{1,12}")) {
                                d.length = Long.parseLong(t.text);
                                int mark = t.position();
                                // "12 0 R" is a reference: the length lives in object 12
                                if (t.next() == PdfTokens.Kind.KEYWORD && t.text.matches("\\d{1,6}")) {
                                    String generation = t.text;
                                    if (t.next() == PdfTokens.Kind.KEYWORD && t.text.equals("R")) {
                                        d.lengthRef = d.length + " " + generation;
                                        d.length = -1;
                                    }
                                }
                                key = null;
                                if (d.lengthRef == null) {
                                    t = new PdfTokens(pdf, mark, to);
                                }
                                continue;
                            }
                            if (key.equals("N") && t.text.matches("\\d{1,9}")) {
                                d.n = Long.parseLong(t.text);
                            }
                            if ((key.equals("Width") || key.equals("Height")) && t.text.matches("\\d{1,9}")) {
                                if (key.equals("Width")) {
                                    d.width = Long.parseLong(t.text);
                                } else {
                                    d.height = Long.parseLong(t.text);
                                }
                            }
                            if (key.equals("First")) {
                                d.first = true;
                            }
                            key = null;
                        }
                    }
                    default -> {
                        if (depth == 1) {
                            key = null;
                        }
                    }
                }
            }
            return d;
        }
    }
}
