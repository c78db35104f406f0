package eu.smartcity.accelerator.shared.personaldata;

import static eu.smartcity.accelerator.shared.personaldata.PersonalDataRegister.ENGINE_TABLES;
import static eu.smartcity.accelerator.shared.personaldata.PersonalDataRegister.TABLES;
import static eu.smartcity.accelerator.shared.personaldata.PersonalDataRegister.VARIABLES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.pilot.PilotProcess;
import eu.smartcity.accelerator.shared.personaldata.PersonalDataRegister.Name;
import eu.smartcity.accelerator.workflow.Variable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, point 1: docs/personal-data.md against what is really there — every table and column of the schema
 * (Flyway's migrations and the Camunda engine's tables, created in an H2 database as the app does and read from its
 * {@code INFORMATION_SCHEMA}), every variable of the process contracts and every field of the Camunda Forms, and the
 * {@code retention class:} javadoc of the entities. A new column, variable or field fails until it is classified; a
 * register line whose table, column or variable is gone fails too. No Spring context: the schema is built directly.
 */
class PersonalDataRegisterTest {

    static final Path ROOT = Files.isDirectory(Path.of("docs")) ? Path.of(".") : Path.of("..");
    static final Set<String> BASES = Set.of("6(1)(b) contract", "6(1)(c) procurement law", "6(1)(c) GDPR", "6(1)(e) public task",
            "6(1)(f) legitimate interest");
    static final Pattern RETENTION_JAVADOC = Pattern.compile("retention class:\\s*([A-Z_]+)");

    /** Table → its columns, lower case, as H2 has them after Flyway and the engine created the schema. */
    static Map<String, List<String>> schema;
    /** Variable name → whether a contract declares it as text about people. */
    static Map<String, Boolean> contractVariables;
    static Set<String> formFields;
    static PersonalDataRegister register;

    @BeforeAll
    static void read() throws Exception {
        register = PersonalDataRegister.read();
        schema = h2Schema();
        contractVariables = contractVariables();
        formFields = formFields();
    }

    static Map<String, List<String>> h2Schema() throws Exception {
        return schema("jdbc:h2:mem:personal-data-register;DB_CLOSE_DELAY=-1", "sa", "", "h2",
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'PUBLIC'"
                        + " ORDER BY table_name, ordinal_position");
    }

    /**
     * Migrates an empty database as the app does (Flyway with the vendor's folder, then the engine's schema) and returns
     * what {@code columnsQuery} lists: table name, column name.
     */
    static Map<String, List<String>> schema(String url, String user, String password, String vendor, String columnsQuery) throws Exception {
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        ProcessEngine engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setProcessEngineName("personal-data-register-" + vendor).setJdbcUrl(url).setJdbcUsername(user).setJdbcPassword(password)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL).setJobExecutorActivate(false).buildProcessEngine();
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(url, user, password);
             ResultSet columns = connection.createStatement().executeQuery(columnsQuery)) {
            while (columns.next()) {
                tables.computeIfAbsent(columns.getString(1).toLowerCase(), t -> new ArrayList<>()).add(columns.getString(2).toLowerCase());
            }
        } finally {
            engine.close();
        }
        return tables;
    }

    static Map<String, Boolean> contractVariables() throws Exception {
        Map<String, Boolean> variables = new TreeMap<>();
        for (JavaClass javaClass : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("eu.smartcity.accelerator")) {
            String outer = javaClass.getName().contains("$") ? javaClass.getName().substring(0, javaClass.getName().indexOf('$')) : javaClass.getName();
            if (!outer.endsWith("Process")) {
                continue;
            }
            for (Field field : Class.forName(javaClass.getName()).getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && Variable.class.isAssignableFrom(field.getType())) {
                    Variable<?> variable = (Variable<?>) field.get(null);
                    variables.merge(variable.name(), variable.isTextAboutPeople(), Boolean::logicalOr);
                }
            }
        }
        return variables;
    }

    static Set<String> formFields() throws Exception {
        Set<String> keys = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> forms = Files.list(ROOT.resolve("forms"))) {
            for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
                json.readTree(form.toFile()).findValues("key").forEach(k -> keys.add(k.asText()));
            }
        }
        return keys;
    }

    /** What differs between the register's tables and a schema ({@code vendor}: the database the schema comes from). */
    static List<String> schemaProblems(PersonalDataRegister register, Map<String, List<String>> schema, String vendor) {
        List<String> problems = new ArrayList<>();
        Set<String> listed = new TreeSet<>();
        for (String section : List.of(TABLES, ENGINE_TABLES)) {
            for (Map<String, String> row : register.rows(section)) {
                Name table = PersonalDataRegister.name(row.get("table"));
                if (!table.existsOn(vendor)) {
                    continue;
                }
                if (!listed.add(table.name())) {
                    problems.add(table.name() + ": listed twice");
                }
                List<String> actual = schema.get(table.name());
                if (actual == null) {
                    problems.add(table.name() + ": in the register, not in the schema (gone? remove its line)");
                    continue;
                }
                List<String> registered = new ArrayList<>();
                Stream.concat(PersonalDataRegister.names(row.get("personal columns")).stream(),
                                PersonalDataRegister.names(row.get("other columns")).stream())
                        .filter(column -> column.existsOn(vendor)).forEach(column -> registered.add(column.name()));
                for (String column : actual) {
                    if (!registered.contains(column)) {
                        problems.add(table.name() + "." + column + ": not in the register (classify it: personal or other column)");
                    }
                }
                for (String column : registered) {
                    if (!actual.contains(column)) {
                        problems.add(table.name() + "." + column + ": in the register, not in the schema");
                    } else if (registered.indexOf(column) != registered.lastIndexOf(column)) {
                        problems.add(table.name() + "." + column + ": listed twice");
                    }
                }
            }
        }
        schema.keySet().stream().filter(table -> !listed.contains(table))
                .forEach(table -> problems.add(table + ": a table not in the register (add its line)"));
        return problems.stream().distinct().toList();
    }

    /** What differs between the register's variables and the contracts and forms. */
    static List<String> variableProblems(PersonalDataRegister register, Map<String, Boolean> contractVariables, Set<String> formFields) {
        List<String> problems = new ArrayList<>();
        Set<String> known = new TreeSet<>(contractVariables.keySet());
        known.addAll(formFields);
        Map<String, Map<String, String>> rows = new TreeMap<>();
        for (String section : List.of(VARIABLES)) {
            for (Map<String, String> row : register.rows(section)) {
                String name = PersonalDataRegister.name(row.get("variable")).name();
                if (rows.put(name, row) != null) {
                    problems.add(name + ": listed twice");
                }
            }
        }
        known.stream().filter(name -> !rows.containsKey(name))
                .forEach(name -> problems.add(name + ": a process variable or form field not in the register"));
        rows.keySet().stream().filter(name -> !known.contains(name))
                .forEach(name -> problems.add(name + ": in the register, in no contract and no form"));
        rows.forEach((name, row) -> {
            boolean marked = "yes".equals(row.get("text about people"));
            if (contractVariables.containsKey(name) && contractVariables.get(name) != marked) {
                problems.add(name + ": the register says text about people = " + row.get("text about people")
                        + ", its contract " + (contractVariables.get(name) ? "declares" : "does not declare") + " Variable.textAboutPeople");
            }
        });
        return problems;
    }

    /** The register's own rules: a known class and basis; no personal data ⇔ NONE (records kept for their own sake aside). */
    static List<String> formatProblems(PersonalDataRegister register) {
        List<String> problems = new ArrayList<>();
        Set<String> classes = Arrays.stream(RetentionClass.values()).map(Enum::name).collect(Collectors.toSet());
        for (String section : List.of(TABLES, ENGINE_TABLES, VARIABLES)) {
            for (Map<String, String> row : register.rows(section)) {
                String subject = row.values().iterator().next();
                String retention = row.get("class");
                boolean personal = section.equals(VARIABLES) ? "yes".equals(row.get("personal"))
                        : !PersonalDataRegister.names(row.get("personal columns")).isEmpty();
                if (!classes.contains(retention)) {
                    problems.add(subject + ": class '" + retention + "' is no RetentionClass");
                }
                if (personal && (retention.equals("NONE") || !BASES.contains(row.get("legal basis")))) {
                    problems.add(subject + ": personal data needs a class other than NONE and one of the legal bases " + BASES);
                }
                if (!personal && (retention.startsWith("PERSONAL_") || !"—".equals(row.get("legal basis")))) {
                    problems.add(subject + ": without personal data, no personal class and no legal basis (—)");
                }
                if (personal && row.getOrDefault("readers", "").isBlank()) {
                    problems.add(subject + ": who may read it?");
                }
            }
        }
        register.rows(VARIABLES).stream().filter(row -> "yes".equals(row.get("text about people")) && !"yes".equals(row.get("personal")))
                .forEach(row -> problems.add(row.get("variable") + ": text about people is personal"));
        return problems;
    }

    @Test
    void everyTableAndColumnOfTheSchemaIsInTheRegisterAndNothingElse() {
        assertThat(schema).containsKeys("notification", "act_hi_varinst", "act_id_user", "spring_session", "flyway_schema_history");
        assertThat(schemaProblems(register, schema, "h2")).isEmpty();
    }

    @Test
    void everyContractVariableAndFormFieldIsInTheRegisterMarkedAsItsContractDeclaresIt() {
        assertThat(contractVariables).containsEntry(ChallengeProcess.CONFLICT_REASON.name(), true)
                .containsEntry(ChallengeProcess.CHALLENGE_ID.name(), false);
        assertThat(variableProblems(register, contractVariables, formFields)).isEmpty();
    }

    @Test
    void everyLineHasAClassABasisAndReaders() {
        assertThat(register.rows(TABLES)).hasSizeGreaterThan(40);
        assertThat(formatProblems(register)).isEmpty();
    }

    @Test
    void theRegisterGivesATableTheClassItsEntitySays() throws Exception {
        Map<String, String> classes = new TreeMap<>();
        for (String section : List.of(TABLES, ENGINE_TABLES)) {
            register.rows(section).forEach(row -> classes.put(PersonalDataRegister.name(row.get("table")).name(), row.get("class")));
        }
        Map<String, String> entities = entityRetentionClasses();
        assertThat(entities).as("entities with a retention class: javadoc").isNotEmpty();
        List<String> problems = new ArrayList<>();
        entities.forEach((table, retention) -> {
            if (!retention.equals(classes.get(table))) {
                problems.add(table + ": its entity says " + retention + ", the register " + classes.get(table));
            }
        });
        assertThat(problems).isEmpty();
    }

    /** Table → the class the javadoc of its {@code @Entity} names ({@code retention class: X}). */
    static Map<String, String> entityRetentionClasses() throws Exception {
        Pattern entity = Pattern.compile("(/\\*\\*(?:(?!\\*/).)*\\*/)\\s*((?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*)(?:public\\s+|abstract\\s+|final\\s+)*class\\s+(\\w+)", Pattern.DOTALL);
        Pattern tableName = Pattern.compile("@Table\\s*\\(\\s*name\\s*=\\s*\"(\\w+)\"");
        Map<String, String> classes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("app/src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (!source.contains("@Entity")) {
                    continue;
                }
                Matcher declaration = entity.matcher(source);
                while (declaration.find()) {
                    String annotations = declaration.group(2);
                    Matcher retention = RETENTION_JAVADOC.matcher(declaration.group(1));
                    if (!annotations.contains("@Entity") || !retention.find()) {
                        continue;
                    }
                    Matcher table = tableName.matcher(annotations);
                    String name = table.find() ? table.group(1) : snakeCase(declaration.group(3));
                    classes.put(name.toLowerCase(), retention.group(1));
                }
            }
        }
        return classes;
    }

    static String snakeCase(String className) {
        return className.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    @Test
    void theChecksFailOnAColumnOrVariableTheRegisterDoesNotHave() {
        PersonalDataRegister withoutAColumn = register.with(TABLES, "notification", "personal columns",
                "`recipient_user_id` `subject` `body` `last_error`");
        assertThat(schemaProblems(withoutAColumn, schema, "h2")).anyMatch(p -> p.startsWith("notification.recipient_email: not in the register"));

        PersonalDataRegister withAGoneColumn = register.with(ENGINE_TABLES, "act_id_user", "other columns", "`rev_` `lock_exp_time_` `attempts_` `phone_`");
        assertThat(schemaProblems(withAGoneColumn, schema, "h2")).contains("act_id_user.phone_: in the register, not in the schema");

        assertThat(schemaProblems(register.without(TABLES, "spring_session"), schema, "h2"))
                .contains("spring_session: a table not in the register (add its line)");

        assertThat(variableProblems(register.without(VARIABLES, ContractProcess.DECLINE_REASON.name()), contractVariables, formFields))
                .contains(ContractProcess.DECLINE_REASON.name() + ": a process variable or form field not in the register");
        assertThat(variableProblems(register.with(VARIABLES, PilotProcess.PROGRESS.name(), "text about people", "no"), contractVariables, formFields))
                .anyMatch(p -> p.startsWith(PilotProcess.PROGRESS.name() + ": the register says text about people = no"));

        assertThat(formatProblems(register.with(TABLES, "notification", "class", "NONE"))).isNotEmpty();
    }
}
