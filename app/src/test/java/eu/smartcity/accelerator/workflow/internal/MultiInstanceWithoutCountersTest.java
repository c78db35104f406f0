package eu.smartcity.accelerator.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.support.AcceleratorTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Parallel multi-instance activities store their element variable but no counters, and still end when every instance has. */
@AcceleratorTest
class MultiInstanceWithoutCountersTest {

    static final String COUNTERS = "('nrOfInstances', 'nrOfActiveInstances', 'nrOfCompletedInstances', 'loopCounter')";

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aParallelTaskStoresItsElementsButNoCounterAndEndsWithItsLastInstance() {
        String key = deploy(false, false);
        String instance = runtime.startProcessInstanceByKey(key, Map.of("items", List.of("a", "b", "c"))).getId();

        assertThat(stored(instance, "item")).isEqualTo(3);
        assertThat(counters(instance)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from act_hi_varinst where proc_inst_id_ = ? and name_ = 'loopCounter'", Long.class,
                instance)).isZero();
        completeAllBut(instance, 1);
        assertThat(open(instance, "after")).isZero();
        assertThat(counters(instance)).isZero();
        completeAllBut(instance, 0);
        assertThat(open(instance, "after")).isOne();
        assertThat(stored(instance, "item")).isZero();
    }

    @Test
    void anInstanceHoldingOnlyTransientValuesIsStoredWithoutVariablesAndItsCreationStillReadsThem() {
        String key = "multi-" + UUID.randomUUID().toString().substring(0, 8);
        repository.createDeployment().name(key).addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent().userTask("work").name("work ${loopCounter}").multiInstance().parallel().cardinality("3").multiInstanceDone()
                .userTask("after").endEvent().done()).deploy();
        String instance = runtime.startProcessInstanceByKey(key).getId();

        List<Task> open = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("work").orderByTaskName().asc().list();
        // the task's name was evaluated with the transient loopCounter, which is then gone before the flush
        assertThat(open).extracting(Task::getName).containsExactly("work 0", "work 1", "work 2");
        assertThat(counters(instance)).isZero();
        for (Task task : open) {
            assertThat(variablesBit(task.getExecutionId())).as("variables bit of the instance %s", task.getExecutionId()).isZero();
        }
        completeAllBut(instance, 0);
        assertThat(open(instance, "after")).isOne();
    }

    @Test
    void anInstanceWithAStoredElementKeepsItsVariablesBit() {
        String key = deploy(false, false);
        String instance = runtime.startProcessInstanceByKey(key, Map.of("items", List.of("a", "b"))).getId();

        for (Task task : tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("work").list()) {
            assertThat(variablesBit(task.getExecutionId())).isNotZero();
            assertThat(runtime.getVariableLocal(task.getExecutionId(), "item")).isIn("a", "b");
            assertThat(runtime.getVariableLocal(task.getExecutionId(), "loopCounter")).isNull();
        }
    }

    @Test
    void aParallelSubprocessEndsWithItsLastInstanceToo() {
        String key = deploy(true, false);
        String instance = runtime.startProcessInstanceByKey(key, Map.of("items", List.of("a", "b"))).getId();

        assertThat(counters(instance)).isZero();
        completeAllBut(instance, 1);
        assertThat(open(instance, "after")).isZero();
        completeAllBut(instance, 0);
        assertThat(open(instance, "after")).isOne();
    }

    @Test
    void aCompletionConditionKeepsCamundasCounters() {
        String key = deploy(false, true);
        String instance = runtime.startProcessInstanceByKey(key, Map.of("items", List.of("a", "b", "c"))).getId();

        assertThat(counters(instance)).isEqualTo(6);
        completeAllBut(instance, 2);
        assertThat(open(instance, "after")).isZero();
        completeAllBut(instance, 1);
        assertThat(open(instance, "after")).isOne(); // two of three: the condition read the counters
    }

    @Test
    void anInstanceStartedWithStoredCountersEndsAsItsTreeSays() {
        String key = deploy(false, false);
        String instance = runtime.startProcessInstanceByKey(key, Map.of("items", List.of("a", "b"))).getId();
        String body = jdbc.queryForObject("select parent_id_ from act_ru_execution where id_ = ?", String.class,
                tasks.createTaskQuery().processInstanceId(instance).list().get(0).getExecutionId());
        // what a body started before this plug-in holds
        runtime.setVariablesLocal(body, Map.of("nrOfInstances", 2, "nrOfActiveInstances", 2, "nrOfCompletedInstances", 0));

        completeAllBut(instance, 1);
        assertThat(open(instance, "after")).isZero();
        completeAllBut(instance, 0);
        assertThat(open(instance, "after")).isOne();
    }

    @Test
    void noModelReadsTheCounters() throws Exception {
        Path processes = Files.isDirectory(Path.of("processes")) ? Path.of("processes") : Path.of("..", "processes");
        try (Stream<Path> models = Files.list(processes)) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                assertThat(Files.readString(model)).as(model.toString())
                        .doesNotContain("nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");
            }
        }
    }

    private String deploy(boolean subprocess, boolean completionCondition) {
        String key = "multi-" + UUID.randomUUID().toString().substring(0, 8);
        BpmnModelInstance model = subprocess
                ? Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
                        .subProcess("each").embeddedSubProcess().startEvent().userTask("work").endEvent().subProcessDone()
                        .userTask("after").endEvent().done()
                : completionCondition
                        ? Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
                                .userTask("work").multiInstance().parallel().camundaCollection("${items}").camundaElementVariable("item")
                                .completionCondition("${nrOfCompletedInstances >= 2}").multiInstanceDone().userTask("after").endEvent().done()
                        : Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
                                .userTask("work").multiInstance().parallel().camundaCollection("${items}").camundaElementVariable("item")
                                .multiInstanceDone().userTask("after").endEvent().done();
        if (subprocess) {
            model.<SubProcess>getModelElementById("each").builder().multiInstance().parallel().camundaCollection("${items}")
                    .camundaElementVariable("item").multiInstanceDone();
        }
        repository.createDeployment().name(key).addModelInstance(key + ".bpmn", model).deploy();
        return key;
    }

    private void completeAllBut(String instance, int left) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("work").list();
        for (Task task : open.subList(0, open.size() - left)) {
            tasks.complete(task.getId());
        }
    }

    private long open(String instance, String taskKey) {
        return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).count();
    }

    private long stored(String instance, String name) {
        return jdbc.queryForObject("select count(*) from act_ru_variable where proc_inst_id_ = ? and name_ = ?", Long.class, instance, name);
    }

    /** Camunda's "has variables" bit of an execution's row ({@code ExecutionEntity.VARIABLES_STATE_BIT}, the fifth). */
    private int variablesBit(String execution) {
        return jdbc.queryForObject("select cached_ent_state_ from act_ru_execution where id_ = ?", Integer.class, execution) & (1 << 4);
    }

    private long counters(String instance) {
        return jdbc.queryForObject("select count(*) from act_ru_variable where proc_inst_id_ = ? and name_ in " + COUNTERS, Long.class,
                instance);
    }
}
