package eu.smartcity.accelerator.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.shared.personaldata.PersonalDataRegister;
import eu.smartcity.accelerator.support.AcceleratorTest;
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
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 24, point 4: every process the app deploys keeps its history as long as docs/personal-data.md says (section
 * "Process history"), and says so in its own BPMN — the engine's default time-to-live would hide a model without one.
 */
@AcceleratorTest
class ProcessHistoryTimeToLiveTest {

    static final Path ROOT = Files.isDirectory(Path.of("processes")) ? Path.of(".") : Path.of("..");
    static final Pattern PROCESS = Pattern.compile("<(?:bpmn:)?process\\b([^>]*)>");
    static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");
    static final Pattern TTL = Pattern.compile("camunda:historyTimeToLive=\"([^\"]+)\"");

    @Autowired RepositoryService repository;
    @Autowired ProcessEngine engine;

    @Test
    void batchHistoryIsWorkingDataAndNoAssigneeIsCountedForLicenceMetrics() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getBatchOperationHistoryTimeToLive()).isEqualTo("P180D");
        assertThat(configuration.isTaskMetricsEnabled()).isFalse();
    }

    @Test
    void everyDeployedProcessKeepsItsHistoryAsLongAsTheRegisterSays() throws Exception {
        Map<String, String> declared = declaredTimeToLive(ROOT.resolve("processes"));
        Set<String> testOnly = declaredTimeToLive(ROOT.resolve("app/src/test/resources/processes")).keySet();
        Map<String, Integer> register = new TreeMap<>();
        PersonalDataRegister doc = PersonalDataRegister.read();
        for (Map<String, String> row : doc.rows(PersonalDataRegister.PROCESS_HISTORY)) {
            String key = PersonalDataRegister.name(row.get("process")).name();
            register.put(key, Integer.valueOf(row.get("history time-to-live (days)")));
            if (row.get("class").equals("PROCUREMENT_RECORD")) {
                assertThat(row.get("history time-to-live (days)")).as("a procurement record is kept ten years").isEqualTo("3650");
            }
        }

        List<String> problems = new ArrayList<>();
        declared.forEach((key, ttl) -> {
            if (!ttl.equals("P" + register.get(key) + "D")) {
                problems.add(key + ": its BPMN says historyTimeToLive=" + ttl + ", the register " + register.get(key) + " days");
            }
        });
        register.keySet().stream().filter(key -> !declared.containsKey(key))
                .forEach(key -> problems.add(key + ": in the register, no BPMN in processes/"));
        Set<String> deployed = new TreeSet<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            String key = definition.getKey();
            if (testOnly.contains(key)) {
                continue;
            }
            deployed.add(key);
            if (!register.containsKey(key)) {
                problems.add(key + ": deployed, not in the register's process history");
            } else if (!register.get(key).equals(definition.getHistoryTimeToLive())) {
                problems.add(key + ": deployed with " + definition.getHistoryTimeToLive() + " days, the register says " + register.get(key));
            }
        }
        assertThat(deployed).containsAll(declared.keySet());
        assertThat(problems).isEmpty();
    }

    /** Process key → its {@code camunda:historyTimeToLive} ("missing" when the model has none). */
    static Map<String, String> declaredTimeToLive(Path folder) throws Exception {
        Map<String, String> declared = new TreeMap<>();
        try (Stream<Path> models = Files.list(folder)) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                Matcher process = PROCESS.matcher(Files.readString(model));
                while (process.find()) {
                    Matcher id = ID.matcher(process.group(1));
                    Matcher ttl = TTL.matcher(process.group(1));
                    if (id.find()) {
                        declared.put(id.group(1), ttl.find() ? ttl.group(1) : "missing");
                    }
                }
            }
        }
        return declared;
    }
}
