package eu.smartcity.accelerator.shared.personaldata;

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
 * The one rule for finding a person in free text (a comment, a mail, a reason, a report, a process variable): their
 * user id, e-mail address, full name and last name, each as a whole token (the user id {@code urbansense} is not the
 * organisation {@code company-urbansense}, the last name {@code Sense} not {@code UrbanSense}), case-insensitive. A
 * first name alone is not looked for: too common to mean this person. Text that is kept loses the person to the
 * pseudonym and keeps its sense. Tables are searched with {@link PersonalColumns}.
 */
public final class Mentions {

    private static final String EDGE = "[\\p{L}\\p{N}_-]";

    private final Pattern pattern;
    private final List<String> needles;
    private final Set<String> whole;
    private final String pseudonym;

    public Mentions(DataSubject subject) {
        Set<String> tokens = new LinkedHashSet<>();
        tokens.add(subject.userId());
        if (subject.email() != null && !subject.email().isBlank()) {
            tokens.add(subject.email().strip());
        }
        List<String> names = subject.names().stream().filter(n -> !n.isBlank()).map(String::strip).toList();
        if (names.size() > 1) {
            tokens.add(String.join(" ", names));
        }
        if (!names.isEmpty()) {
            tokens.add(names.get(names.size() - 1)); // the last name, or the only name known
        }
        List<String> longestFirst = new ArrayList<>(tokens);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        this.pattern = Pattern.compile(longestFirst.stream().map(t -> "(?<!" + EDGE + ")" + Pattern.quote(t) + "(?!" + EDGE + ")")
                .collect(Collectors.joining("|")), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        this.needles = longestFirst.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        this.whole = Set.copyOf(needles);
        this.pseudonym = subject.pseudonym();
    }

    /** What is looked for, lower case, longest first: what a SQL pre-filter searches ({@link PersonalColumns#mayMention}). */
    public List<String> needles() {
        return needles;
    }

    /** Whether the text names the person. */
    public boolean foundIn(String text) {
        return text != null && pattern.matcher(text).find();
    }

    /** The text with every mention of the person replaced by the pseudonym (null stays null). */
    public String pseudonymise(String text) {
        return text == null ? null : pattern.matcher(text).replaceAll(Matcher.quoteReplacement(pseudonym));
    }

    /** Whether the text is nothing but the person's id, e-mail or name (a reference to them, not free text about them). */
    public boolean isOnly(String text) {
        return text != null && whole.contains(text.strip().toLowerCase(Locale.ROOT));
    }

    public String pseudonym() {
        return pseudonym;
    }
}
