package eu.smartcity.accelerator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import eu.smartcity.accelerator.demo.ProcessDriver;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.data.repository.Repository;

/**
 * What {@link ModularityTests} cannot see: a module's entities, repositories and tables are its own (others use its
 * API or its events), the identity store is read through the identity module's API, and the engine's internals
 * ({@code org.camunda.bpm.engine.impl}) are touched by the workflow module alone (and the process test driver).
 */
class ModuleApiTests {

    static final String BASE = "eu.smartcity.accelerator";
    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    /** Known violations, allowed until they are gone (none now: keep it that way). */
    static final Set<String> KNOWN = Set.of();

    static final DescribedPredicate<JavaClass> KNOWN_VIOLATION = DescribedPredicate.describe("a known violation (issue 22)",
            c -> KNOWN.contains(c.getName()) || KNOWN.contains(c.getName().replaceFirst("\\$.*", "")));

    /**
     * The image starts on Spring AOT (docs/performance.md, "Start-up, round 5"), which evaluates bean conditions when
     * the jar is built: a bean switched by a setting or a profile would stay as the build saw it. Settings are read
     * when the app runs (e.g. {@code shared.DemoData}).
     */
    @Test
    void noBeanIsSwitchedBySettingsOrProfiles() {
        List<Class<? extends java.lang.annotation.Annotation>> buildTime = List.of(ConditionalOnProperty.class,
                ConditionalOnBooleanProperty.class, ConditionalOnExpression.class, Profile.class);
        for (Class<? extends java.lang.annotation.Annotation> condition : buildTime) {
            noClasses().should().beAnnotatedWith(condition).because("Spring AOT fixes it when the jar is built").check(MAIN);
            noMethods().should().beAnnotatedWith(condition).because("Spring AOT fixes it when the jar is built").check(MAIN);
        }
    }

    @Test
    void engineInternalsAreTouchedByWorkflowAlone() {
        noClasses().that().resideOutsideOfPackage(BASE + ".workflow..")
                .and().doNotHaveFullyQualifiedName(ProcessDriver.class.getName())
                .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
                .because("the engine's internals change between versions; workflow offers what others need (e.g. EngineAuthentication)")
                .check(MAIN);
    }

    @Test
    void theIdentityStoreIsReadThroughTheIdentityModule() {
        noClasses().that().resideOutsideOfPackages(BASE + ".identity..", BASE + ".workflow..")
                .and(DescribedPredicate.not(KNOWN_VIOLATION))
                .should().dependOnClassesThat().belongToAnyOf(IdentityService.class)
                .orShould().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.identity..")
                .because("names, members and contacts come from identity's API (Organisations, JuryPool, Contacts)")
                .check(MAIN);
    }

    @Test
    void entitiesAndRepositoriesAreUsedInTheirModuleOnly() {
        classes().that().areAnnotatedWith(Entity.class).or().areAssignableTo(Repository.class)
                .should(new ArchCondition<JavaClass>("be used only inside their own module") {
                    @Override
                    public void check(JavaClass owned, ConditionEvents events) {
                        for (Dependency use : owned.getDirectDependenciesToSelf()) {
                            JavaClass user = use.getOriginClass();
                            if (!moduleOf(user).equals(moduleOf(owned)) && !KNOWN_VIOLATION.test(user)) {
                                events.add(SimpleConditionEvent.violated(use, use.getDescription()));
                            }
                        }
                    }
                })
                .check(MAIN);
    }

    /**
     * SQL in string literals (JdbcTemplate, native queries) names only its own module's tables: those of its entities,
     * and a table of the migrations that no entity maps is one module's alone.
     */
    @Test
    void tablesAreQueriedByTheirModuleOnly() throws IOException {
        Map<String, String> owners = tableOwners();
        assertThat(owners).as("tables found from the entities").containsEntry("challenge", "challenge").containsEntry("pilot", "pilot");
        Set<String> unmapped = new java.util.TreeSet<>(migrationTables());
        unmapped.removeAll(owners.keySet());
        assertThat(unmapped).as("tables only JDBC reads").contains("organisation_profile");
        Map<String, Set<String>> unmappedQueriedBy = new TreeMap<>();
        Pattern sql = Pattern.compile("(?i)\\b(?:from|join|update|into)\\s+([a-z_]+)\\b");
        List<String> violations = new ArrayList<>();
        Path root = Path.of("src", "main", "java");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String className = root.relativize(file).toString().replace('/', '.').replace('\\', '.').replaceFirst("\\.java$", "");
                if (KNOWN.contains(className)) {
                    continue;
                }
                String module = moduleOf(className);
                for (String literal : stringLiterals(Files.readString(file))) {
                    Matcher m = sql.matcher(literal);
                    while (m.find()) {
                        String table = m.group(1).toLowerCase(Locale.ROOT);
                        if (unmapped.contains(table)) {
                            unmappedQueriedBy.computeIfAbsent(table, t -> new java.util.TreeSet<>()).add(module);
                        }
                        String owner = owners.get(table);
                        if (owner != null && !owner.equals(module)) {
                            violations.add(className + " queries " + m.group(1) + " of module " + owner + ": \"" + literal + "\"");
                        }
                    }
                }
            }
        }
        unmappedQueriedBy.forEach((table, modules) -> {
            if (modules.size() > 1) {
                violations.add("table " + table + " is queried by the modules " + modules);
            }
        });
        assertThat(violations).as("use the owning module's API or events instead").isEmpty();
    }

    /** The tables our Flyway migrations create (shared and vendor-specific). */
    static Set<String> migrationTables() throws IOException {
        Set<String> tables = new java.util.TreeSet<>();
        Pattern create = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_]+)");
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "resources", "db"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = create.matcher(Files.readString(file));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }

    /** Table → module, from the entities (their @Table name, else the class name in snake case as Spring names it). */
    static Map<String, String> tableOwners() {
        Map<String, String> owners = new TreeMap<>();
        for (JavaClass entity : MAIN) {
            if (!entity.isAnnotatedWith(Entity.class)) {
                continue;
            }
            String table = entity.tryGetAnnotationOfType(Table.class).map(Table::name).filter(n -> !n.isBlank())
                    .orElse(entity.getSimpleName().replaceAll("(?<!^)(?=[A-Z])", "_").toLowerCase(Locale.ROOT));
            owners.put(table.toLowerCase(Locale.ROOT), moduleOf(entity));
        }
        return owners;
    }

    static List<String> stringLiterals(String source) {
        List<String> literals = new ArrayList<>();
        Matcher m = Pattern.compile("\"\"\"([\\s\\S]*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"").matcher(source);
        while (m.find()) {
            literals.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return literals;
    }

    static String moduleOf(JavaClass c) {
        return moduleOf(c.getName());
    }

    /** The feature module: the package right under {@value #BASE} (classes outside it belong to no module). */
    static String moduleOf(String className) {
        if (!className.startsWith(BASE + ".")) {
            return className;
        }
        String rest = className.substring(BASE.length() + 1);
        return rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : "";
    }
}
