package eu.smartcity.accelerator.marketplace.library;

import java.util.regex.Pattern;

/**
 * Removes personal data from a shared contract before it is stored: e-mail addresses, phone
 * numbers, IBANs and the names after a signature or contact label ("Signed by:", "Contact:",
 * "Name:"). Organisation names and clauses stay. A check, not a guarantee: the uploading officer
 * is asked to remove the rest.
 */
public final class PersonalData {

    public static final String REMOVED = "[removed]";

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
    private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\\b");
    private static final Pattern PHONE = Pattern.compile("(?<![\\p{L}\\p{N}])\\+?\\d[\\d ()./-]{7,}\\d");
    private static final Pattern NAMED = Pattern.compile(
            "(?im)^(\\s*(?:signed by|signature|contact(?: person)?|name|getekend door|contactpersoon|naam|signé par|nom)\\s*:)[^\\n]*");

    private PersonalData() {}

    public static String redact(String text) {
        if (text == null) {
            return "";
        }
        String result = EMAIL.matcher(text).replaceAll(REMOVED);
        result = IBAN.matcher(result).replaceAll(REMOVED);
        result = PHONE.matcher(result).replaceAll(REMOVED);
        return NAMED.matcher(result).replaceAll("$1 " + REMOVED);
    }
}
