package eu.smartcity.accelerator.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every user-visible word exists in English, Dutch and French: each bundle's keys are the same in its
 * {@code _nl} and {@code _fr} files, no Dutch or French text is an untranslated English sentence, and
 * every key a template or the code asks for exists in all three languages.
 */
class MessageBundlesTest {

    static final Path BUNDLES = Path.of("src/main/resources/i18n");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Path JAVA = Path.of("src/main/java");
    static final String[] TRANSLATIONS = {"_nl", "_fr"};

    /** Keys whose Dutch or French text is the same as the English one on purpose, and why. */
    static final Map<String, String> SAME_IN_EVERY_LANGUAGE = Map.of(
            "form.confirm.generic", "only placeholders: {0}: {1}");

    @Test
    void everyBundleHasTheSameKeysInEnglishDutchAndFrench() throws IOException {
        Map<String, Set<String>> differences = new TreeMap<>();
        for (Path english : englishBundles()) {
            Set<String> keys = load(english).stringPropertyNames();
            for (String language : TRANSLATIONS) {
                Path translated = translation(english, language);
                Set<String> translatedKeys = Files.exists(translated) ? load(translated).stringPropertyNames() : Set.of();
                Set<String> missing = new TreeSet<>(keys);
                missing.removeAll(translatedKeys);
                Set<String> extra = new TreeSet<>(translatedKeys);
                extra.removeAll(keys);
                extra.removeIf(k -> ENGLISH_IN_THE_FORM_FILES.matcher(k).find());
                missing.forEach(k -> differences.computeIfAbsent(translated.getFileName() + " lacks", x -> new TreeSet<>()).add(k));
                extra.forEach(k -> differences.computeIfAbsent(translated.getFileName() + " has, English lacks", x -> new TreeSet<>()).add(k));
            }
        }
        assertThat(differences).as("keys missing in a language").isEmpty();
    }

    @Test
    void dutchAndFrenchHaveTheSameKeys() throws IOException {
        for (Path english : englishBundles()) {
            Set<String> nl = load(translation(english, "_nl")).stringPropertyNames();
            Set<String> fr = load(translation(english, "_fr")).stringPropertyNames();
            assertThat(new TreeSet<>(nl)).as(english.getFileName() + ": nl and fr").isEqualTo(new TreeSet<>(fr));
        }
    }

    @Test
    void noDutchOrFrenchTextIsAnEnglishSentenceLeftUntranslated() throws IOException {
        Set<String> untranslated = new TreeSet<>();
        for (Path english : englishBundles()) {
            Properties en = load(english);
            for (String language : TRANSLATIONS) {
                Path translated = translation(english, language);
                if (!Files.exists(translated)) {
                    continue;
                }
                Properties other = load(translated);
                for (String key : en.stringPropertyNames()) {
                    String value = en.getProperty(key);
                    if (isSentence(value) && value.equals(other.getProperty(key)) && !SAME_IN_EVERY_LANGUAGE.containsKey(key)) {
                        untranslated.add(translated.getFileName() + ": " + key + "=" + value);
                    }
                }
            }
        }
        assertThat(untranslated).as("English text in a Dutch or French bundle").isEmpty();
    }

    @Test
    void everyKeyATemplateUsesExistsInEveryLanguage() throws IOException {
        // literal keys only: #{key} and #{key(args)}; keys built from a value ('status.' + ${s}) are checked by the page tests
        Pattern key = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.-]*)[(}]");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = key.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(missingInSomeLanguage(used)).as("template keys without a text in en, nl or fr").isEmpty();
    }

    @Test
    void everyKeyTheCodeNamesExistsInEveryLanguage() throws IOException {
        // string literals shaped like a key of ours ("apply.refused.late", "market.join.expired"): the first segment
        // is one the bundles use; a literal ending in "." is a prefix the code completes, not a key
        Set<String> prefixes = new TreeSet<>();
        allKeys("").forEach(k -> prefixes.add(k.substring(0, k.indexOf('.') > 0 ? k.indexOf('.') : k.length())));
        Pattern literal = Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9-]+)+)\"");
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !PATHS_INTO_OTHER_DOCUMENTS.contains(f.getFileName().toString())).toList()) {
                String source = Files.readString(file);
                Matcher m = literal.matcher(source);
                while (m.find()) {
                    String candidate = m.group(1);
                    boolean completed = source.substring(m.end()).stripLeading().startsWith("+");
                    if (!completed && prefixes.contains(candidate.substring(0, candidate.indexOf('.'))) && !NOT_KEYS.matcher(candidate).find()) {
                        named.add(candidate);
                    }
                }
            }
        }
        assertThat(named).contains("apply.refused.late", "challenge.error.budgetCap", "form.error.rejected");
        // a name the code completes elsewhere (send(p, "register.mail.confirm") reads .subject and .body) is a prefix
        Set<String> prefixesOfKeys = new TreeSet<>();
        allKeys("").forEach(k -> named.stream().filter(n -> k.startsWith(n + ".")).forEach(prefixesOfKeys::add));
        named.removeAll(prefixesOfKeys);
        assertThat(missingInSomeLanguage(named)).as("keys named in the code without a text in en, nl or fr").isEmpty();
    }

    /** Labels whose English is in the .form and .bpmn files themselves (see the head of forms.properties). */
    static final Pattern ENGLISH_IN_THE_FORM_FILES = Pattern.compile("^(form\\.(field|text|option)|task)\\.");

    /** File names and property names that look like keys. */
    /** Sources whose dotted literals are paths into another document (a bylaws' rules.yaml), not message keys. */
    static final Set<String> PATHS_INTO_OTHER_DOCUMENTS = Set.of("BylawsLoader.java", "BylawsFields.java");

    static final Pattern NOT_KEYS = Pattern.compile("\\.(html|form|bpmn|dmn|json|yml|yaml|pdf|csv|properties|java|md)$");

    static Set<String> missingInSomeLanguage(Set<String> keys) throws IOException {
        Set<String> missing = new TreeSet<>();
        for (String language : new String[] {"", "_nl", "_fr"}) {
            Set<String> known = allKeys(language);
            keys.stream().filter(k -> !known.contains(k)).forEach(k -> missing.add(k + " (" + (language.isEmpty() ? "en" : language.substring(1)) + ")"));
        }
        return missing;
    }

    static Set<String> allKeys(String language) throws IOException {
        Set<String> keys = new TreeSet<>();
        for (Path english : englishBundles()) {
            Path file = language.isEmpty() ? english : translation(english, language);
            if (Files.exists(file)) {
                keys.addAll(load(file).stringPropertyNames());
            }
        }
        return keys;
    }

    /** More than three words: a sentence a person would notice in the wrong language. */
    static boolean isSentence(String value) {
        return value.replaceAll("\\{[^}]*}", " ").trim().split("\\s+").length > 3;
    }

    static Set<Path> englishBundles() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return new TreeSet<>(files.filter(f -> f.getFileName().toString().matches("[a-z]+\\.properties")).toList());
        }
    }

    static Path translation(Path english, String language) {
        return english.resolveSibling(english.getFileName().toString().replace(".properties", language + ".properties"));
    }

    static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
