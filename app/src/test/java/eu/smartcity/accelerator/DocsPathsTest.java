package eu.smartcity.accelerator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The documentation stays true to the tree: every repository path, file name, class and BPMN/DMN element id that
 * README.md and docs/**.md name in backticks, and every relative link (with its #anchor), exists. Paths may leave
 * out leading folders ({@code resources/i18n/…}), use {@code …} for any folders, {@code <placeholder>} or
 * {@code {placeholder}} for one name, {@code {a,b}} for alternatives, {@code *} and {@code **} as globs, and a
 * class may be named without {@code .java}. Not checked: URLs,
 * endpoints (starting with {@code /}), generated output ({@code target/}, {@code data/}) and commands.
 */
class DocsPathsTest {

    static final Path ROOT = root();
    static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", "node_modules", "data", ".idea", ".mvn");
    /** File names worth checking when written without a folder (generated ones such as .pdf or .p12 are not). */
    static final Pattern SOURCE_FILE = Pattern.compile("[\\w.*-]*\\.(md|java|sh|ya?ml|properties|html|bpmn|dmn|form|sql|css|js|xml|json|puml)");
    static final Pattern BACKTICKS = Pattern.compile("`([^`\\n]+)`");
    static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    /** {@code ApplicantScoring}, {@code ApplicantScoring.rank}, {@code workflow.TaskCompletions}, {@code DecisionService.evaluate(key)}. */
    static final Pattern CLASS = Pattern.compile("(?:[a-z]\\w*\\.)*([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)(?:[.#(][\\w(), …]*)?");
    /** BPMN and DMN element ids: {@code EndEvent_ChallengeEvaluated}, {@code Rule_SameDomain}. */
    static final Pattern ELEMENT_ID = Pattern.compile("[A-Z][a-z][A-Za-z]*_[A-Za-z0-9_]+");

    final List<String> paths = tree();
    final Set<String> topLevel = paths.stream().map(p -> p.split("/")[0]).collect(Collectors.toSet());

    @Test
    void everyPathClassAndLinkTheDocsNameExists() throws IOException {
        List<String> missing = new ArrayList<>();
        Set<String> types = declaredTypes();
        String models = models();
        for (Path doc : docs()) {
            String relative = ROOT.relativize(doc).toString().replace('\\', '/');
            String text = Files.readString(doc).replaceAll("(?s)```.*?```", ""); // commands are not paths
            Matcher code = BACKTICKS.matcher(text);
            while (code.find()) {
                String token = code.group(1).strip();
                if (isPath(token) && !pathExists(token)) {
                    missing.add(relative + ": path `" + token + "`");
                } else if (ELEMENT_ID.matcher(token).matches()) {
                    if (!models.contains("\"" + token + "\"")) {
                        missing.add(relative + ": element id `" + token + "` in no BPMN, DMN or form");
                    }
                } else if (!token.contains(" ") || token.contains("(")) {
                    Matcher type = CLASS.matcher(token.startsWith("@") ? token.substring(1) : token);
                    // a BPMN message is named like a class (`SelectionDecided`): declared by its name in a model
                    if (type.matches() && !types.contains(type.group(1)) && !onClasspath(type.group(1))
                            && !models.contains("name=\"" + token + "\"")) {
                        missing.add(relative + ": class `" + token + "`");
                    }
                }
            }
            Matcher link = LINK.matcher(text.replaceAll("`[^`\\n]*`", ""));
            while (link.find()) {
                String problem = brokenLink(doc, link.group(1));
                if (problem != null) {
                    missing.add(relative + ": link " + link.group(1) + " " + problem);
                }
            }
        }
        assertThat(missing).as("named in the docs but not in the repository").isEmpty();
    }

    @Test
    void theCheckFindsWhatIsMissing() {
        assertThat(pathExists("app/src/main/java/eu/smartcity/accelerator/workflow")).isTrue();
        assertThat(pathExists("…/workflow")).isTrue();
        assertThat(pathExists("resources/i18n/messages{,_nl,_fr}.properties")).isTrue();
        assertThat(pathExists("bylaws/<version>/rules.yaml")).isTrue();
        assertThat(pathExists("processes/*.dmn")).isTrue();
        assertThat(isPath("scripts/no-such-script.sh") && !pathExists("scripts/no-such-script.sh")).isTrue();
        assertThat(pathExists("…/no-such-module")).isFalse();
        assertThat(pathExists("resources/i18n/messages{_xx,_yy}.properties")).isFalse();
        assertThat(pathExists("app/src/test/…/ModularityTests")).isTrue();
        assertThat(pathExists("processes/**/*.bpmn")).isTrue();
        assertThat(isPath("application/json")).isFalse();
        assertThat(isPath("spring.mail.host/port")).isFalse();
        assertThat(isPath("app/target/samples/x.pdf")).isFalse();
        assertThat(onClasspath("Persistable")).isTrue(); // Spring Data's, named in docs/performance.md
        assertThat(onClasspath("NoSuchClassAnywhere")).isFalse();
    }

    /** A token is a repository path if it starts in a top-level folder or with …/, or is a source file's name. */
    boolean isPath(String token) {
        if (token.contains(" ") || token.contains("://") || token.startsWith("/") || token.startsWith("./") || token.contains("=")
                || token.contains(":")) {
            return false;
        }
        List<String> segments = List.of(token.split("/"));
        if (segments.contains("target") || segments.get(0).equals("data")) {
            return false; // generated
        }
        if (token.contains("/")) {
            return topLevel.contains(segments.get(0)) || token.startsWith("…/") || SOURCE_FILE.matcher(segments.get(segments.size() - 1)).matches();
        }
        return SOURCE_FILE.matcher(token).matches() || token.startsWith(".") && topLevel.contains(token);
    }

    /** Matches the token, read as a pattern (see the class comment), against the end of some path of the tree. */
    boolean pathExists(String token) {
        // a class may be named without its .java: app/src/test/…/ModularityTests
        Pattern pattern = Pattern.compile("(?:.*/)?" + regex(token.endsWith("/") ? token.substring(0, token.length() - 1) : token) + "(?:\\.java)?");
        return paths.stream().anyMatch(p -> pattern.matcher(p).matches());
    }

    static String regex(String token) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '…') {
                regex.append(".*");
            } else if (token.startsWith("**/", i)) {
                regex.append("(?:.*/)?");
                i += 2;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '<' && token.indexOf('>', i) > 0) {
                regex.append("[^/]+");
                i = token.indexOf('>', i);
            } else if (c == '{' && token.indexOf('}', i) > 0) {
                String inside = token.substring(i + 1, token.indexOf('}', i));
                regex.append(inside.contains(",")
                        ? Stream.of(inside.split(",", -1)).map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")"))
                        : "[^/]+");
                i = token.indexOf('}', i);
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    /** null when the link's file (and heading, for #anchor) exists. */
    String brokenLink(Path doc, String target) throws IOException {
        if (target.matches("^[a-z]+:.*") || target.startsWith("<")) {
            return null; // http:, https:, mailto:
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path linked = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
        if (!Files.exists(linked)) {
            return "names no file";
        }
        if (hash < 0 || !linked.toString().endsWith(".md")) {
            return null;
        }
        String anchor = target.substring(hash + 1);
        boolean found = Files.readAllLines(linked).stream().filter(l -> l.startsWith("#"))
                .anyMatch(heading -> slug(heading.replaceFirst("^#+\\s*", "")).equals(anchor));
        return found ? null : "names no heading #" + anchor;
    }

    /** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
    static String slug(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    static List<Path> docs() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** Every file and folder of the repository, relative to its root, without build output and VCS data. */
    static List<String> tree() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(f -> !f.equals(ROOT))
                    .map(f -> ROOT.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> Stream.of(f.split("/")).noneMatch(SKIPPED_DIRS::contains))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Classes, interfaces, records and enums declared in the repository's Java sources (nested ones too). */
    Set<String> declaredTypes() throws IOException {
        Pattern declaration = Pattern.compile("\\b(?:class|interface|enum|record|@interface)\\s+([A-Z]\\w*)");
        Set<String> types = new HashSet<>();
        for (String path : paths) {
            if (path.endsWith(".java")) {
                Matcher m = declaration.matcher(Files.readString(ROOT.resolve(path)));
                while (m.find()) {
                    types.add(m.group(1));
                }
            }
        }
        return types;
    }

    /** The text of every BPMN, DMN and form, where element ids are declared. */
    String models() throws IOException {
        StringBuilder all = new StringBuilder();
        for (String path : paths) {
            if (path.matches(".*\\.(bpmn|dmn|form)")) {
                all.append(Files.readString(ROOT.resolve(path)));
            }
        }
        return all.toString();
    }

    static Set<String> libraryClasses;

    /** A library or JDK class of that simple name (the docs also name Camunda's, Spring's and Java's classes). */
    static synchronized boolean onClasspath(String simpleName) {
        if (libraryClasses == null) {
            libraryClasses = new HashSet<>();
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            for (String entry : classPath.split(java.io.File.pathSeparator)) {
                if (entry.endsWith(".jar") && Files.isRegularFile(Path.of(entry))) {
                    try (ZipFile jar = new ZipFile(entry)) {
                        jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class"))
                                .map(n -> n.substring(n.lastIndexOf('/') + 1, n.length() - ".class".length()).replaceFirst("\\$.*", ""))
                                .forEach(libraryClasses::add);
                    } catch (IOException unreadable) {
                        // not a class source
                    }
                }
            }
        }
        if (libraryClasses.contains(simpleName)) {
            return true;
        }
        for (String pkg : List.of("java.lang.", "java.util.", "java.util.zip.", "java.util.concurrent.", "java.io.", "java.nio.file.",
                "java.time.", "java.sql.", "java.net.", "java.math.", "java.security.", "javax.sql.", "javax.xml.parsers.",
                "javax.xml.transform.", "javax.xml.datatype.")) {
            try {
                Class.forName(pkg + simpleName, false, DocsPathsTest.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError notThere) {
                // next package
            }
        }
        return false;
    }

    private static Path root() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw")) && Files.isDirectory(p.resolve("docs")) && Files.exists(p.resolve("README.md"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root above " + here);
    }
}
