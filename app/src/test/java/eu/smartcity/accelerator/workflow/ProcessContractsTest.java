package eu.smartcity.accelerator.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The typed process contracts against the models (issue 22, point 1). A contract is the class {@code <Name>Process}
 * with a {@code KEY} naming its process; its variables are its {@code public static final Variable<?>} fields.
 * <ol>
 *   <li>every variable a model names — in expressions, multi-instance, call-activity mappings, input parameters —
 *       and every field key of a Camunda Form its user tasks use is declared in that process's contract;</li>
 *   <li>no Java file outside the contracts types a declared variable's name or a model's element id as a literal.</li>
 * </ol>
 * What is not there yet is listed per process in {@code src/test/resources/process-contracts/} ({@code
 * undeclared-<key>.txt}, {@code literals-<key>.txt}); those lists only shrink: a listed entry that no longer occurs
 * fails too, so the list is deleted with the last one.
 */
class ProcessContractsTest {

    static final Path ROOT = Files.isDirectory(Path.of("processes")) ? Path.of(".") : Path.of("..");
    static final Path KNOWN = ROOT.resolve("app/src/test/resources/process-contracts");
    static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
    static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w'\"])([A-Za-z_][A-Za-z0-9_]*)(\\s*[.(])?");
    static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
    static final Set<String> EL_WORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "true", "false",
            "null", "empty", "div", "mod", "instanceof", "execution", "task", "authenticatedUserId", "dateTime", "now",
            "variables", "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");
    static final Pattern ELEMENT_ID = Pattern.compile("[A-Z][A-Za-z]*_[A-Za-z0-9_]+");
    static final Pattern LITERAL = Pattern.compile("\"([A-Za-z][A-Za-z0-9_-]*)\"");

    record Contract(String key, Class<?> type, Set<String> variables) {}

    static final Map<String, Contract> contracts = new TreeMap<>();
    /** Per process key: the variable names its model and forms use. */
    static final Map<String, Set<String>> used = new TreeMap<>();
    /** Per process key: its element ids. */
    static final Map<String, Set<String>> elementIds = new TreeMap<>();

    @BeforeAll
    static void read() throws Exception {
        for (JavaClass javaClass : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("eu.smartcity.accelerator")) {
            if (!javaClass.getSimpleName().endsWith("Process") || javaClass.getFields().stream().noneMatch(f -> f.getName().equals("KEY"))) {
                continue;
            }
            Class<?> type = Class.forName(javaClass.getName());
            Set<String> variables = new TreeSet<>();
            for (Field field : type.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && Variable.class.isAssignableFrom(field.getType())) {
                    variables.add(((Variable<?>) field.get(null)).name());
                }
            }
            String key = (String) type.getField("KEY").get(null);
            contracts.put(key, new Contract(key, type, variables));
        }
        Map<String, Set<String>> formFields = formFields();
        try (Stream<Path> models = Files.list(ROOT.resolve("processes"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                Document document = factory.newDocumentBuilder().parse(model.toFile());
                NodeList processes = document.getElementsByTagNameNS("*", "process");
                for (int i = 0; i < processes.getLength(); i++) {
                    Element process = (Element) processes.item(i);
                    String key = process.getAttribute("id");
                    collect(process, key, formFields);
                }
            }
        }
    }

    /** Walks one process: its ids, and the variables named in attributes, expressions and mappings. */
    static void collect(Element element, String key, Map<String, Set<String>> formFields) {
        Set<String> names = used.computeIfAbsent(key, k -> new TreeSet<>());
        String id = element.getAttribute("id");
        if (!id.isEmpty()) {
            elementIds.computeIfAbsent(key, k -> new TreeSet<>()).add(id);
        }
        String local = element.getLocalName();
        String calledElement = "callActivity".equals(local) ? element.getAttribute("calledElement") : null;
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            String name = attribute.getLocalName() == null ? attribute.getNodeName() : attribute.getLocalName();
            String value = attribute.getNodeValue();
            if (name.equals("delegateExpression")) {
                continue; // a bean
            }
            if (name.equals("elementVariable") || name.equals("resultVariable")) {
                names.add(value);
            } else if (name.equals("formRef")) {
                names.addAll(formFields.getOrDefault(value, Set.of()));
            } else {
                names.addAll(variablesIn(value));
            }
        }
        if (local != null && (local.equals("in") || local.equals("out")) && element.getParentNode() instanceof Element extensions
                && extensions.getParentNode() instanceof Element call && "callActivity".equals(call.getLocalName())) {
            String callee = call.getAttribute("calledElement");
            String caller = key;
            // in: source (caller) → target (callee); out: source (callee) → target (caller)
            String source = element.getAttribute("source");
            String target = element.getAttribute("target");
            if (local.equals("in")) {
                addIfNamed(used.computeIfAbsent(caller, k -> new TreeSet<>()), source);
                addIfNamed(used.computeIfAbsent(callee, k -> new TreeSet<>()), target);
            } else {
                addIfNamed(used.computeIfAbsent(callee, k -> new TreeSet<>()), source);
                addIfNamed(used.computeIfAbsent(caller, k -> new TreeSet<>()), target);
            }
        }
        if (local != null && local.equals("inputParameter") || "outputParameter".equals(local)) {
            addIfNamed(names, element.getAttribute("name"));
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                collect(childElement, key, formFields);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                names.addAll(variablesIn(child.getNodeValue()));
            }
        }
        if (calledElement != null) {
            used.computeIfAbsent(calledElement, k -> new TreeSet<>());
        }
    }

    static void addIfNamed(Set<String> names, String name) {
        if (name != null && !name.isBlank() && !name.equals("variables")) {
            names.add(name);
        }
    }

    /** The variables an expression reads: identifiers outside strings, not EL words, not beans ({@code bean.m()}). */
    static Set<String> variablesIn(String text) {
        Set<String> names = new TreeSet<>();
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            String body = QUOTED.matcher(expression.group(1)).replaceAll("''");
            Matcher identifier = IDENTIFIER.matcher(body);
            while (identifier.find()) {
                String name = identifier.group(1);
                boolean beanOrCall = identifier.group(2) != null;
                if (!EL_WORDS.contains(name) && !beanOrCall) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** Form id → the keys of its fields. */
    static Map<String, Set<String>> formFields() throws IOException {
        Map<String, Set<String>> fields = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> forms = Files.list(ROOT.resolve("forms"))) {
            for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
                JsonNode root = json.readTree(form.toFile());
                Set<String> keys = new TreeSet<>();
                root.findValues("key").forEach(k -> keys.add(k.asText()));
                fields.put(root.path("id").asText(), keys);
            }
        }
        return fields;
    }

    @Test
    void everyProcessHasAContract() throws IOException {
        Set<String> without = new TreeSet<>(used.keySet());
        without.removeAll(contracts.keySet());
        assertThat(without).as("processes without a contract (a class <Name>Process with a KEY)")
                .isEqualTo(known("without-contract.txt"));
    }

    @Test
    void everyVariableTheModelsAndFormsNameIsDeclaredInItsContract() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Set<String>> entry : used.entrySet()) {
            String key = entry.getKey();
            Set<String> declared = contracts.containsKey(key) ? contracts.get(key).variables() : Set.of();
            Set<String> undeclared = new TreeSet<>(entry.getValue());
            undeclared.removeAll(declared);
            Set<String> known = known("undeclared-" + key + ".txt");
            undeclared.stream().filter(n -> !known.contains(n)).forEach(n -> problems.add(key + ": `" + n + "` is not declared in its contract"));
            known.stream().filter(n -> !undeclared.contains(n))
                    .forEach(n -> problems.add(key + ": `" + n + "` is declared now (or no longer used): remove it from undeclared-" + key + ".txt"));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void noJavaFileTypesAVariableNameOrAnElementIdAgain() throws IOException {
        Map<String, String> owner = new TreeMap<>(); // literal → process key
        List<String> order = List.of("challenge", "application", "contract", "pilot", "evaluation", "replication", "framework-join", "accelerator-cycle");
        List<String> keys = new ArrayList<>(order);
        contracts.keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        for (String key : keys) {
            if (contracts.containsKey(key)) {
                contracts.get(key).variables().forEach(v -> owner.putIfAbsent(v, key));
            }
            elementIds.getOrDefault(key, Set.of()).stream().filter(id -> ELEMENT_ID.matcher(id).matches()).forEach(id -> owner.putIfAbsent(id, key));
        }
        Map<String, Set<String>> found = new TreeMap<>();
        Set<Path> contractFiles = new TreeSet<>();
        contracts.values().forEach(c -> contractFiles.add(ROOT.resolve("app/src/main/java/" + c.type().getName().replace('.', '/') + ".java").normalize()));
        for (String tree : List.of("app/src/main/java", "app/src/test/java")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(tree))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    if (contractFiles.contains(file.normalize()) || file.getFileName().toString().equals("ProcessContractsTest.java")) {
                        continue;
                    }
                    Matcher literal = LITERAL.matcher(Files.readString(file));
                    String relative = ROOT.resolve("app").relativize(file).toString().replace('\\', '/');
                    while (literal.find()) {
                        String key = owner.get(literal.group(1));
                        if (key != null) {
                            found.computeIfAbsent(key, k -> new TreeSet<>()).add(relative + " " + literal.group(1));
                        }
                    }
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (String key : keys) {
            Set<String> occurrences = found.getOrDefault(key, Set.of());
            Set<String> known = known("literals-" + key + ".txt");
            occurrences.stream().filter(o -> !known.contains(o)).forEach(o -> problems.add(key + ": " + o + " (use the contract's constant)"));
            known.stream().filter(o -> !occurrences.contains(o)).forEach(o -> problems.add(key + ": " + o + " is gone: remove it from literals-" + key + ".txt"));
        }
        assertThat(problems).isEmpty();
    }

    static Set<String> known(String file) throws IOException {
        Path path = KNOWN.resolve(file);
        if (!Files.exists(path)) {
            return Set.of();
        }
        Set<String> lines = new TreeSet<>();
        for (String line : Files.readAllLines(path)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                lines.add(line.strip());
            }
        }
        return lines;
    }
}
