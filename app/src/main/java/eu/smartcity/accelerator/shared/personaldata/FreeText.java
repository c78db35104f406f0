package eu.smartcity.accelerator.shared.personaldata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and removes a person in free text (remarks, reasons, reports): their e-mail address, user id and each part
 * of their name, as whole words, ignoring case. What a person wrote about the organisation's work stays; what
 * identifies them goes. A name part shorter than three letters is not matched alone (it would hit ordinary words).
 */
public final class FreeText {

    /** What replaces the person in a text that is kept. */
    public static final String ERASED = "[erased]";

    private FreeText() {}

    /** The person's e-mail, user id and name parts that free text is searched for (lower case, longest first). */
    public static List<String> terms(DataSubject subject) {
        List<String> terms = new ArrayList<>();
        if (subject.email() != null && !subject.email().isBlank()) {
            terms.add(subject.email().toLowerCase(Locale.ROOT));
        }
        terms.add(subject.userId().toLowerCase(Locale.ROOT));
        for (String name : subject.names()) {
            for (String part : name.trim().split("\\s+")) {
                if (part.length() >= 3) {
                    terms.add(part.toLowerCase(Locale.ROOT));
                }
            }
        }
        terms.sort((a, b) -> b.length() - a.length());
        return terms.stream().distinct().toList();
    }

    /** Whether the text names the person. */
    public static boolean mentions(String text, DataSubject subject) {
        return text != null && !text.equals(redact(text, subject));
    }

    /** The text without the person (null stays null). */
    public static String redact(String text, DataSubject subject) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String term : terms(subject)) {
            result = pattern(term).matcher(result).replaceAll(Matcher.quoteReplacement(ERASED));
        }
        return result;
    }

    private static Pattern pattern(String term) {
        return Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(term) + "(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
