package eu.smartcity.accelerator.workflow.internal;

import eu.smartcity.accelerator.shared.personaldata.DataSubject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds a person in free text: their user id, e-mail, full name and last name, each as a whole token (a user id
 * {@code urbansense} is not the organisation {@code company-urbansense}, a last name {@code Sense} is not
 * {@code UrbanSense}), case-insensitive. A first name alone is not looked for: too common to mean this person.
 */
final class PersonMatcher {

    private static final String EDGE = "[\\p{L}\\p{N}_-]";

    private final Pattern pattern;
    private final List<String> needles;
    private final String pseudonym;
    private final Set<String> whole;

    PersonMatcher(DataSubject subject) {
        Set<String> tokens = new LinkedHashSet<>();
        tokens.add(subject.userId());
        if (subject.email() != null && !subject.email().isBlank()) {
            tokens.add(subject.email());
        }
        if (subject.names().size() > 1) {
            tokens.add(String.join(" ", subject.names()));
            tokens.add(subject.names().get(subject.names().size() - 1));
        } else if (subject.names().size() == 1 && !subject.names().get(0).isBlank()) {
            // a single name part might be a first name only; still the only name we have
            tokens.add(subject.names().get(0));
        }
        List<String> longestFirst = new ArrayList<>(tokens);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        this.pattern = Pattern.compile(longestFirst.stream().map(Pattern::quote)
                .map(t -> "(?<!" + EDGE + ")" + t + "(?!" + EDGE + ")")
                .collect(Collectors.joining("|")), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        this.needles = longestFirst.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        this.whole = needles.stream().collect(Collectors.toSet());
        this.pseudonym = subject.pseudonym();
    }

    /** The lower-case strings a SQL {@code LOWER(column) LIKE} pre-filter looks for (it may over-match). */
    List<String> needles() {
        return needles;
    }

    boolean foundIn(String text) {
        return text != null && pattern.matcher(text).find();
    }

    /** The text with every mention of the person replaced by the pseudonym. */
    String pseudonymise(String text) {
        return text == null ? null : pattern.matcher(text).replaceAll(Matcher.quoteReplacement(pseudonym));
    }

    /** Whether the text is nothing but the person's id, e-mail or name (a reference to them, not free text about them). */
    boolean isOnly(String text) {
        return text != null && whole.contains(text.trim().toLowerCase(Locale.ROOT));
    }

    String pseudonym() {
        return pseudonym;
    }
}
