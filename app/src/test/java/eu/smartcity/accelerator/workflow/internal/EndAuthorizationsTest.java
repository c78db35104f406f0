package eu.smartcity.accelerator.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.identity.Roles;
import eu.smartcity.accelerator.support.AcceleratorTest;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The authorizations of an ended task or process instance never survive it, however they were made (the candidate
 * group's grant, AuthorizationService for that resource id, before or inside the ending command); the delete is not
 * sent for a task seen to have none, and one command's ends share one. Real engine, H2, authorization on; statements
 * counted at MyBatis by statement id.
 */
@AcceleratorTest
class EndAuthorizationsTest {

    static final List<String> DELETES = List.of("deleteAuthorizationsForResourceId", EndAuthorizations.DELETE);
    static final List<String> LINK_READS = List.of("selectIdentityLinksByTask");

    @Autowired ProcessEngineConfigurationImpl configuration;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired AuthorizationService authorizations;

    @BeforeEach
    void countStatements() {
        Counter.install(configuration);
    }

    @Test
    void aTaskNoAuthorizationNamesEndsWithoutTheDeleteAndWithOneQuestion() {
        String instance = start(deploy());
        String task = task(instance, "first");
        Map<String, Integer> counted = Counter.during(() -> tasks.complete(task));

        assertThat(count(counted, DELETES)).isZero();
        assertThat(count(counted, LINK_READS)).isZero();
        assertThat(count(counted, List.of(TaskEnds.SELECT))).isOne();
        assertThat(task(instance, "second")).isNotNull();
    }

    @Test
    void anAuthorizationMadeThroughTheServiceForTheTaskOrTheInstanceEndsWithIt() {
        String instance = start(deploy());
        String first = task(instance, "first");
        grant(Resources.TASK, first, "someone");
        grant(Resources.PROCESS_INSTANCE, instance, "someone");

        tasks.complete(first);
        assertThat(granted(Resources.TASK, first)).isZero();
        assertThat(granted(Resources.PROCESS_INSTANCE, instance)).isOne();

        String second = task(instance, "second");
        grant(Resources.TASK, second, "someone-else");
        Map<String, Integer> counted = Counter.during(() -> tasks.complete(second));
        assertThat(granted(Resources.TASK, second)).isZero();
        assertThat(granted(Resources.PROCESS_INSTANCE, instance)).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        assertThat(count(counted, DELETES)).as("the task's and the instance's in one statement").isOne();
    }

    @Test
    void theCandidateGroupsGrantEndsWithTheTask() {
        String instance = start(deploy());
        String task = task(instance, "first");
        tasks.addCandidateGroup(task, Roles.COORDINATORS);
        assertThat(granted(Resources.TASK, task)).isOne();

        tasks.complete(task);
        assertThat(granted(Resources.TASK, task)).isZero();
    }

    @Test
    void anAuthorizationMadeInTheEndingCommandEndsWithTheTaskBeforeOrAfterTheRead() {
        String instance = start(deploy());
        String first = task(instance, "first");
        inOneCommand(() -> {
            grant(Resources.TASK, first, "made-before"); // not yet in the database when the links are read
            tasks.complete(first);
        });
        assertThat(granted(Resources.TASK, first)).isZero();

        String second = task(instance, "second");
        inOneCommand(() -> {
            tasks.complete(second);
            grant(Resources.TASK, second, "made-after"); // after the end, still before the flush
        });
        assertThat(granted(Resources.TASK, second)).isZero();
    }

    @Test
    void theEndsOfOneCommandShareOneDelete() {
        String key = deploy();
        List<String> instances = List.of(start(key), start(key), start(key));
        instances.forEach(instance -> grant(Resources.PROCESS_INSTANCE, instance, "watcher"));

        Map<String, Integer> counted = Counter.during(() -> inOneCommand(
                () -> instances.forEach(instance -> runtime.deleteProcessInstance(instance, "test"))));
        instances.forEach(instance -> assertThat(granted(Resources.PROCESS_INSTANCE, instance)).isZero());
        assertThat(count(counted, DELETES)).isOne();
    }

    @Test
    void theEngineUsesTheManagersThatCollectTheDeletes() {
        Command<Object> managers = context -> List.of(context.getAuthorizationManager(), context.getIdentityLinkManager(),
                context.getDbEntityManager());
        assertThat((List<?>) configuration.getCommandExecutorTxRequired().execute(managers)).satisfiesExactly(
                authorization -> assertThat(authorization).isInstanceOf(EndAuthorizations.Authorizations.class),
                links -> assertThat(links).isInstanceOf(TaskEnds.IdentityLinks.class),
                entities -> assertThat(entities).isInstanceOf(EndAuthorizations.EntityManager.class));
    }

    private String deploy() {
        return deploy(repository, "ends-", "first", "second");
    }

    /** Deploys a process of user tasks in a row, each assigned like a score task; returns its key (TaskEndsTest too). */
    static String deploy(RepositoryService repository, String prefix, String... userTasks) {
        String key = prefix + UUID.randomUUID().toString().substring(0, 8);
        org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent();
        for (String task : userTasks) {
            flow = flow.userTask(task).camundaAssignee("jury-an");
        }
        repository.createDeployment().name(key).addModelInstance(key + ".bpmn", flow.endEvent().done()).deploy();
        return key;
    }

    private String start(String key) {
        return runtime.startProcessInstanceByKey(key).getId();
    }

    private String task(String instance, String key) {
        return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult().getId();
    }

    private void grant(Resource resource, String id, String user) {
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setResource(resource);
        authorization.setResourceId(id);
        authorization.setUserId(user);
        authorization.addPermission(Permissions.READ);
        authorizations.saveAuthorization(authorization);
    }

    private long granted(Resource resource, String id) {
        return authorizations.createAuthorizationQuery().resourceType(resource).resourceId(id).count();
    }

    private void inOneCommand(Runnable steps) {
        configuration.getCommandExecutorTxRequired().execute(context -> {
            steps.run();
            return null;
        });
    }

    private static int count(Map<String, Integer> counted, List<String> statements) {
        return statements.stream().mapToInt(statement -> counted.getOrDefault(statement, 0)).sum();
    }

    /** Counts the engine's statements by id on the calling thread while a step runs. */
    @Intercepts({
        @Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class}),
        @Signature(type = Executor.class, method = "query",
                args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class})})
    static final class Counter implements Interceptor {

        private static final Counter INSTANCE = new Counter();
        private static volatile Thread counting;
        private static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();

        static synchronized void install(ProcessEngineConfigurationImpl configuration) {
            org.apache.ibatis.session.Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
            if (!mybatis.getInterceptors().contains(INSTANCE)) {
                mybatis.addInterceptor(INSTANCE);
            }
        }

        static synchronized Map<String, Integer> during(Runnable step) {
            COUNTS.clear();
            counting = Thread.currentThread();
            try {
                step.run();
            } finally {
                counting = null;
            }
            Map<String, Integer> counted = new java.util.HashMap<>();
            COUNTS.forEach((statement, count) -> counted.put(statement, count.get()));
            return counted;
        }

        @Override
        public Object intercept(Invocation invocation) throws Throwable {
            if (counting == Thread.currentThread()) {
                String id = ((MappedStatement) invocation.getArgs()[0]).getId();
                COUNTS.computeIfAbsent(id.substring(id.lastIndexOf('.') + 1), k -> new AtomicInteger()).incrementAndGet();
            }
            return invocation.proceed();
        }

        @Override
        public void setProperties(Properties properties) {
        }
    }
}
