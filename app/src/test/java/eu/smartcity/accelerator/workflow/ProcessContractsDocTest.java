package eu.smartcity.accelerator.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/process-contracts.md against the models: every variable a call activity passes in or out of a called
 * process is listed in that process's row of the "Call activities" table, and every variable the table lists
 * for a called process is passed by some call activity (or is its business key). Read from the .bpmn files, so
 * a mapping added in the Modeler without a line in the docs fails here.
 */
class ProcessContractsDocTest {

    /** Maven runs the tests in app/; an IDE may run them at the repository's root. */
    static final Path ROOT = Files.isDirectory(Path.of("processes")) ? Path.of(".") : Path.of("..");
    static final Pattern CALL_ACTIVITY = Pattern.compile("<callActivity[^>]*calledElement=\"([^\"]+)\"[^>]*>(.*?)</callActivity>", Pattern.DOTALL);
    static final Pattern IN = Pattern.compile("<camunda:in [^>]*target=\"([^\"]+)\"");
    static final Pattern OUT = Pattern.compile("<camunda:out [^>]*source=\"([^\"]+)\"");
    static final Pattern BACKTICKED = Pattern.compile("`([A-Za-z][A-Za-z0-9]*)`");

    @Test
    void everyVariablePassedToACalledProcessIsInItsRowAndEveryListedOneIsPassed() throws IOException {
        Map<String, Set<String>> passed = passedByTheModels();
        Map<String, Set<String>> documented = documentedRows();
        assertThat(passed).as("called processes found in processes/*.bpmn").containsKeys("contract", "pilot", "evaluation");

        List<String> problems = new ArrayList<>();
        passed.forEach((process, variables) -> {
            Set<String> row = documented.get(process);
            if (row == null) {
                problems.add(process + ": no row in the Call activities table");
                return;
            }
            variables.stream().filter(v -> !row.contains(v)).forEach(v -> problems.add(process + ": `" + v + "` passed but not listed"));
        });
        documented.forEach((process, row) -> {
            Set<String> variables = passed.get(process);
            if (variables != null) {
                row.stream().filter(v -> !variables.contains(v))
                        .forEach(v -> problems.add(process + ": `" + v + "` listed but passed by no call activity"));
            }
        });
        assertThat(problems).as("docs/process-contracts.md vs the call activities").isEmpty();
    }

    /** Per called process: the variables some call activity maps in (targets) or out (sources). */
    static Map<String, Set<String>> passedByTheModels() throws IOException {
        Map<String, Set<String>> passed = new LinkedHashMap<>();
        try (Stream<Path> models = Files.list(ROOT.resolve("processes"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
                Matcher call = CALL_ACTIVITY.matcher(Files.readString(model));
                while (call.find()) {
                    Set<String> variables = passed.computeIfAbsent(call.group(1), k -> new LinkedHashSet<>());
                    for (Pattern mapping : List.of(IN, OUT)) {
                        Matcher m = mapping.matcher(call.group(2));
                        while (m.find()) {
                            variables.add(m.group(1));
                        }
                    }
                }
            }
        }
        return passed;
    }

    /** Per process: the variable names in its row's "in" and "out" columns (the "started by" column is prose). */
    static Map<String, Set<String>> documentedRows() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/process-contracts.md"));
        String table = doc.substring(doc.indexOf("## Call activities"));
        table = table.substring(0, table.indexOf("\n## ", 3));
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        for (String line : table.split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length < 5 || !cells[1].strip().startsWith("`")) {
                continue;
            }
            Set<String> names = new LinkedHashSet<>();
            for (String cell : List.of(cells[3], cells[4])) {
                // an outcome's values (`contractOutcome` = `signed` / `declined`) are values, not variables
                Matcher name = BACKTICKED.matcher(cell.replaceAll("=\\s*`[^`]*`(\\s*/\\s*`[^`]*`)*", ""));
                while (name.find()) {
                    names.add(name.group(1));
                }
            }
            rows.put(cells[1].strip().replace("`", ""), names);
        }
        return rows;
    }
}
