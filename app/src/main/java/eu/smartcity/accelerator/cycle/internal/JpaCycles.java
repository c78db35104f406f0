package eu.smartcity.accelerator.cycle.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.smartcity.accelerator.cycle.Bylaws;
import eu.smartcity.accelerator.cycle.BylawsVersions;
import eu.smartcity.accelerator.cycle.CycleProcess;

import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.workflow.ProcessVariables;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JpaCycles implements Cycles {

    private final CycleRepository cycles;
    private final BylawsVersions versions;
    private final ObjectMapper json;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    /**
     * Pinned bylaws already parsed, by their JSON text ({@link Bylaws} is immutable): the jury's marks, due dates and a
     * submission's checks read a cycle's bylaws several times, and parsing the JSON each time was 1.4 % of a submission's
     * CPU in the deadline rush (issue 19). Keyed by the text itself, so rules changed in the database (a correction by
     * migration) are never answered from here. A cycle pins one version and there are a few a year; the map is emptied
     * should it ever hold many.
     */
    private final Map<String, Bylaws> parsed = new ConcurrentHashMap<>();

    JpaCycles(CycleRepository cycles, BylawsVersions versions, ObjectMapper json, RuntimeService runtimeService,
            TaskService taskService) {
        this.cycles = cycles;
        this.versions = versions;
        this.json = json;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    @Override
    public CycleView open(String name, String bylawsVersion) {
        Bylaws bylaws = versions.published(bylawsVersion); // a draft or an unknown version is refused
        String rules = write(bylaws);
        Cycle cycle = cycles.save(new Cycle(name, bylawsVersion, rules, sha256(rules), Instant.now()));
        runtimeService.startProcessInstanceByKey(CycleProcess.KEY, cycle.id().toString(),
                ProcessVariables.of(CycleProcess.CYCLE_ID.with(cycle.id()), CycleProcess.BYLAWS_VERSION.with(bylawsVersion),
                        CycleProcess.SUBJECT_TITLE.with(name),
                        CycleProcess.CYCLE_LENGTH.with(bylaws.duration(CycleProcess.CYCLE_LENGTH.name())),
                        CycleProcess.REMINDER_DELAY.with(bylaws.duration(CycleProcess.REMINDER_DELAY.name()))));
        return view(cycle);
    }

    @Override
    @Transactional(readOnly = true)
    public Bylaws bylawsOf(UUID cycleId) {
        if (parsed.size() > 256) {
            parsed.clear();
        }
        return parsed.computeIfAbsent(find(cycleId).rulesJson(), rules -> parse(cycleId, rules));
    }

    private Bylaws parse(UUID cycleId, String rules) {
        try {
            return json.readValue(rules, Bylaws.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Pinned bylaws of cycle " + cycleId + " are unreadable", e);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public CycleView get(UUID cycleId) {
        return view(find(cycleId));
    }

    @Override
    @Transactional(readOnly = true)
    public List<CycleView> all() {
        return cycles.findAll().stream().map(JpaCycles::view).toList();
    }

    @Override
    public void close(UUID cycleId) {
        find(cycleId).close();
    }

    @Override
    public void closeByCoordinator(UUID cycleId, String coordinator) {
        Cycle cycle = find(cycleId);
        Task task = taskService.createTaskQuery().processDefinitionKey(CycleProcess.KEY)
                .processInstanceBusinessKey(cycleId.toString()).taskDefinitionKey(CycleProcess.USER_TASK_CLOSE_CYCLE).singleResult();
        if (task == null || cycle.status() != Cycle.Status.OPEN) {
            throw new IllegalStateException("Cycle " + cycleId + " is not open");
        }
        // closed at once for new challenges; the process writes the report right after (asynchronously)
        cycle.close();
        taskService.setAssignee(task.getId(), coordinator);
        taskService.complete(task.getId(), ProcessVariables.of(CycleProcess.CLOSE_CONFIRMED.with(true)));
    }

    private Cycle find(UUID cycleId) {
        return cycles.findById(cycleId).orElseThrow(() -> new NoSuchElementException("No cycle " + cycleId));
    }

    private String write(Bylaws bylaws) {
        try {
            return json.writeValueAsString(bylaws);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CycleView view(Cycle c) {
        return new CycleView(c.id(), c.name(), c.bylawsVersion(), c.rulesSha256(), c.status().name());
    }
}
