package eu.smartcity.accelerator.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.identity.Roles;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.ThreadStatements;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A task's end asks once what the task leaves behind and reads only what is there (TaskEnds); whatever the task has,
 * made before the end or inside the ending command, ends with it. Real engine, H2, authorization on; statements counted
 * on the thread (ThreadStatements) and by MyBatis statement id (EndAuthorizationsTest.Counter).
 */
@AcceleratorTest
@Import(ThreadStatements.class)
class TaskEndsTest {

    @Autowired ProcessEngineConfigurationImpl configuration;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired AuthorizationService authorizations;
    @Autowired DataSource dataSource;

    @BeforeEach
    void countStatements() {
        EndAuthorizationsTest.Counter.install(configuration);
    }

    @Test
    void aScoreTaskLikeEndAsksOnceAndReadsNothingElse() {
        String instance = start();
        String task = task(instance, "first");
        tasks.complete(task); // warm: the definition and the next task's first use
        String second = task(instance, "second");

        List<String>[] statements = new List[1];
        Map<String, Integer> byId = EndAuthorizationsTest.Counter.during(
                () -> statements[0] = ThreadStatements.of(() -> tasks.complete(second)));

        assertThat(byId).containsEntry(TaskEnds.SELECT, 1).containsEntry("selectTask", 1)
                .containsEntry("selectTasksByExecutionId", 1);
        assertThat(byId).doesNotContainKeys("selectTasksByParentTaskId", "selectIdentityLinksByTask",
                "selectVariablesByTaskId", "deleteAuthorizationsForResourceId", EndAuthorizations.DELETE);
        assertThat(statements[0]).doesNotContain("select act_ru_identitylink", "select act_ru_variable",
                "delete act_ru_authorization");
        assertThat(statements[0]).filteredOn("select act_ru_task"::equals)
                .as("the task's own read, the question, the execution's tasks (kept: performance.md)").hasSize(3);
        assertThat(left(second)).isEqualTo(List.of(0, 0, 0, 0));
    }

    @Test
    void aSubtaskEndsWithItsTask() {
        endsWithNothingLeft(task -> subtask(task));
    }

    @Test
    void aCandidateGroupEndsWithItsTask() {
        endsWithNothingLeft(task -> tasks.addCandidateGroup(task, Roles.COORDINATORS));
    }

    @Test
    void aLocalVariableEndsWithItsTask() {
        endsWithNothingLeft(task -> tasks.setVariableLocal(task, "note", "kept until the end"));
    }

    @Test
    void anAuthorizationEndsWithItsTask() {
        endsWithNothingLeft(task -> {
            Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setResource(Resources.TASK);
            authorization.setResourceId(task);
            authorization.setUserId("someone");
            authorization.addPermission(Permissions.READ);
            authorizations.saveAuthorization(authorization);
        });
    }

    @Test
    void allOfThemEndWithTheirTask() {
        endsWithNothingLeft(task -> {
            subtask(task);
            tasks.addCandidateGroup(task, Roles.COORDINATORS);
            tasks.setVariableLocal(task, "note", "kept until the end");
        });
    }

    /** The thing made before the end (its own command), then in the ending command itself: nothing is left either way. */
    private void endsWithNothingLeft(Consumer<String> make) {
        String instance = start();
        String first = task(instance, "first");
        make.accept(first);
        assertThat(left(first)).as("made").isNotEqualTo(List.of(0, 0, 0, 0));
        tasks.complete(first);
        assertThat(left(first)).as("made before the end").isEqualTo(List.of(0, 0, 0, 0));

        String second = task(instance, "second");
        configuration.getCommandExecutorTxRequired().execute(context -> {
            make.accept(second);
            tasks.complete(second);
            return null;
        });
        assertThat(left(second)).as("made in the ending command").isEqualTo(List.of(0, 0, 0, 0));
        tasks.complete(task(instance, "third"));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    }

    private void subtask(String parent) {
        Task subtask = tasks.newTask();
        subtask.setParentTaskId(parent);
        subtask.setName("sub");
        tasks.saveTask(subtask);
    }

    /** Rows naming the task: subtasks, identity links, variables, authorizations. */
    private List<Integer> left(String task) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        return List.of(
                jdbc.queryForObject("select count(*) from ACT_RU_TASK where PARENT_TASK_ID_ = ?", Integer.class, task),
                jdbc.queryForObject("select count(*) from ACT_RU_IDENTITYLINK where TASK_ID_ = ?", Integer.class, task),
                jdbc.queryForObject("select count(*) from ACT_RU_VARIABLE where TASK_ID_ = ?", Integer.class, task),
                jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ = 7 and RESOURCE_ID_ = ?",
                        Integer.class, task));
    }

    private String start() {
        // the third task: so that the second's end is a task's end only, not the instance's
        String key = EndAuthorizationsTest.deploy(repository, "task-ends-", "first", "second", "third");
        return runtime.startProcessInstanceByKey(key).getId();
    }

    private String task(String instance, String key) {
        return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult().getId();
    }
}
