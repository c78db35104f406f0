package eu.smartcity.accelerator.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.AcceleratorApplication;
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
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
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
 *   <li>no Java file outside the contracts types a contract's variable name as a literal where it speaks through that
 *       contract: it names the contract, or it reaches the engine ({@code org.camunda.bpm}, the workflow module, the
 *       process test harness) naming none; and no file types a model's element id. Only contracts a file's module can
 *       see count: the contract's own module and those depending on it (a test outside the feature modules sees all).</li>
 * </ol>
 * A module a contract cannot see has its own words: where a contract shares one, it aliases that module's constant
 * ({@code ChallengeProcess.SIGNATURE_WINDOW = Variable.string(Bylaws.SIGNATURE_WINDOW)}); the same word in another
 * vocabulary (an OCDS {@code title}, the engine REST path segment {@code comment}, the eligibility table's input
 * {@code budgetCap}) is not a process variable. There is no list of exceptions.
 */
class ProcessContractsTest {

    static final Path ROOT = Files.isDirectory(Path.of("processes")) ? Path.of(".") : Path.of("..");
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

    /** Module base package → the base packages of the modules that can see it (itself and every module depending on it). */
    static final Map<String, Set<String>> seenFrom = new TreeMap<>();

    @BeforeAll
    static void read() throws Exception {
        readModules();
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

    static void readModules() {
        ApplicationModules modules = ApplicationModules.of(AcceleratorApplication.class);
        Map<String, Set<String>> dependents = new TreeMap<>();
        for (ApplicationModule module : modules) {
            String name = module.getBasePackage().getName();
            dependents.computeIfAbsent(name, k -> new TreeSet<>());
            module.getDirectDependencies(modules).uniqueModules().forEach(dependency ->
                    dependents.computeIfAbsent(dependency.getBasePackage().getName(), k -> new TreeSet<>()).add(name));
        }
        for (String module : dependents.keySet()) {
            Set<String> seen = new TreeSet<>(Set.of(module));
            List<String> next = new ArrayList<>(seen);
            while (!next.isEmpty()) {
                dependents.getOrDefault(next.remove(0), Set.of()).stream().filter(seen::add).forEach(next::add);
            }
            seenFrom.put(module, seen);
        }
    }

    /** The feature module of a class's package, or null outside them (the root package, the test harness). */
    static String moduleOf(String packageName) {
        return seenFrom.keySet().stream().filter(m -> packageName.equals(m) || packageName.startsWith(m + "."))
                .findFirst().orElse(null);
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

    /** A name means one thing: every contract that declares it gives it the same type (and the same free-text marking). */
    @Test
    void aVariableNameHasOneTypeInEveryContract() throws IllegalAccessException {
        Map<String, Set<String>> declarations = new TreeMap<>();
        for (Contract contract : contracts.values()) {
            for (Field field : contract.type().getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && Variable.class.isAssignableFrom(field.getType())) {
                    Variable<?> variable = (Variable<?>) field.get(null);
                    declarations.computeIfAbsent(variable.name(), n -> new TreeSet<>()).add(variable.type().getName()
                            + (variable.isTextAboutPeople() ? " (text about people)" : "") + " in " + contract.type().getSimpleName());
                }
            }
        }
        List<String> clashes = new ArrayList<>();
        declarations.forEach((name, where) -> {
            if (where.stream().map(w -> w.substring(0, w.indexOf(" in "))).distinct().count() > 1) {
                clashes.add(name + ": " + where);
            }
        });
        assertThat(clashes).as("one name, one type: alias the upstream declaration or choose another name").isEmpty();
    }

    @Test
    void everyProcessHasAContract() throws IOException {
        Set<String> without = new TreeSet<>(used.keySet());
        without.removeAll(contracts.keySet());
        assertThat(without).as("processes without a contract (a class <Name>Process with a KEY)").isEmpty();
    }

    @Test
    void everyVariableTheModelsAndFormsNameIsDeclaredInItsContract() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Set<String>> entry : used.entrySet()) {
            String key = entry.getKey();
            Set<String> declared = contracts.containsKey(key) ? contracts.get(key).variables() : Set.of();
            Set<String> undeclared = new TreeSet<>(entry.getValue());
            undeclared.removeAll(declared);
            undeclared.forEach(n -> problems.add(key + ": `" + n + "` is not declared in its contract"));
        }
        assertThat(problems).isEmpty();
    }

    static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);

    @Test
    void noJavaFileTypesAVariableNameOrAnElementIdAgain() throws IOException {
        // literal → the contracts declaring it as a variable, or naming it as an element id; the owner first
        Map<String, List<String>> variableOf = new TreeMap<>();
        Map<String, List<String>> elementOf = new TreeMap<>();
        List<String> keys = new ArrayList<>(List.of("challenge", "application", "contract", "pilot", "evaluation", "replication",
                "framework-join", "accelerator-cycle"));
        contracts.keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        for (String key : keys) {
            if (contracts.containsKey(key)) {
                contracts.get(key).variables().forEach(v -> variableOf.computeIfAbsent(v, k -> new ArrayList<>()).add(key));
            }
            elementIds.getOrDefault(key, Set.of()).stream().filter(id -> ELEMENT_ID.matcher(id).matches())
                    .forEach(id -> elementOf.computeIfAbsent(id, k -> new ArrayList<>()).add(key));
        }
        Map<String, Pattern> namedIn = new TreeMap<>(); // process key → how a file names its contract
        Set<Path> contractFiles = new TreeSet<>();
        contracts.values().forEach(c -> {
            namedIn.put(c.key(), Pattern.compile("\\b" + c.type().getSimpleName() + "\\b"));
            contractFiles.add(ROOT.resolve("app/src/main/java/" + c.type().getName().replace('.', '/') + ".java").normalize());
        });
        // the engine's process side (users and groups are identity's words), the workflow module, the process harness
        Pattern talksToTheEngine = Pattern.compile(
                "import (static )?(org\\.camunda\\.bpm\\.(?!engine\\.identity|engine\\.IdentityService)|eu\\.smartcity\\.accelerator\\.workflow\\.|eu\\.smartcity\\.accelerator\\.support\\.(ProcessTestBase|ContractCase|FakeScopes))");
        Set<String> problems = new TreeSet<>();
        int checked = 0;
        for (String tree : List.of("app/src/main/java", "app/src/test/java")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(tree))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    String source = Files.readString(file);
                    Matcher packageName = PACKAGE.matcher(source);
                    if (contractFiles.contains(file.normalize()) || file.getFileName().toString().equals("ProcessContractsTest.java")
                            || !packageName.find()) {
                        continue;
                    }
                    String module = moduleOf(packageName.group(1));
                    Set<String> visible = new TreeSet<>(contracts.keySet());
                    visible.removeIf(key -> module != null
                            && !seenFrom.get(moduleOf(contracts.get(key).type().getPackageName())).contains(module));
                    // the contracts whose variables it handles: those it names; reaching the engine through none, all
                    Set<String> speaksThrough = new TreeSet<>();
                    namedIn.forEach((key, name) -> {
                        if (visible.contains(key) && name.matcher(source).find()) {
                            speaksThrough.add(key);
                        }
                    });
                    if (speaksThrough.isEmpty() && talksToTheEngine.matcher(source).find()) {
                        speaksThrough.addAll(visible);
                    }
                    checked += speaksThrough.isEmpty() ? 0 : 1;
                    String relative = ROOT.resolve("app").relativize(file).toString().replace('\\', '/');
                    Matcher literal = LITERAL.matcher(source);
                    while (literal.find()) {
                        String word = literal.group(1);
                        // an element id is nobody else's word: every file that can see its contract is checked
                        Stream.concat(elementOf.getOrDefault(word, List.of()).stream().filter(visible::contains),
                                        variableOf.getOrDefault(word, List.of()).stream().filter(speaksThrough::contains))
                                .findFirst().ifPresent(key -> problems.add(relative + " types \"" + word + "\": use the constant of "
                                        + contracts.get(key).type().getSimpleName()));
                    }
                }
            }
        }
        assertThat(checked).as("files that handle process variables").isGreaterThan(100);
        assertThat(problems).isEmpty();
    }
}
