package eu.smartcity.accelerator.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PersonalDataFixture;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 19, point 3: the engine's history cleanup is end-time based (docs/settings.md "History"): nothing is written
 * when an instance ends, and the nightly cleanup deletes an ended instance's whole history once its definition's
 * time-to-live has passed since that end; the operation log, which Camunda's cleanup leaves, goes with the retention
 * run ({@link EnginePersonalData#expire}).
 */
@AcceleratorTest
class HistoryCleanupTest {

    static final String APPLICATION = "cleanup-application";
    static final String CHALLENGE = "cleanup-challenge";
    static final String CALLED = "cleanup-called";
    static final long DAY = 24 * 3600 * 1000L;
    /** The history tables (keyed by process instance) these instances write, and the cleanup must empty. */
    static final List<String> TABLES = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_HI_COMMENT");

    @Autowired ProcessEngine engine;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired EnginePersonalData enginePersonalData;
    @Autowired JdbcTemplate jdbc;

    final List<Deployment> deployments = new ArrayList<>();

    @AfterEach
    void undeployAndResetTheClock() {
        ClockUtil.reset();
        identity.clearAuthentication();
        deployments.forEach(d -> repository.deleteDeployment(d.getId(), true));
    }

    @Test
    void theEngineWritesNoRemovalTimeAndCleansByEndTime() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo(ProcessEngineConfigurationImpl.HISTORY_CLEANUP_STRATEGY_END_TIME_BASED);
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo(ProcessEngineConfigurationImpl.HISTORY_REMOVAL_TIME_STRATEGY_NONE);
    }

    /**
     * An application (its own root) and a challenge tree (root and the instance its call activity started) that ended
     * more than their time-to-live (1 day) ago disappear from every history table, their operation log with the
     * retention run; an application that ended a day later, and a running challenge, stay. A called instance goes its
     * time-to-live after its own end, even while the challenge that called it still runs (the price of this strategy,
     * settings.md).
     */
    @Test
    void theCleanupRemovesExpiredEndedInstancesWithTheirCalledInstancesAndKeepsTheRest() {
        deploy();
        Date t0 = new Date(ClockUtil.getCurrentTime().getTime() / 1000 * 1000);
        ClockUtil.setCurrentTime(t0);
        identity.setAuthentication("cleanup-coordinator-" + UUID.randomUUID(), List.of("camunda-admin")); // an operation log
        String expiredApplication = application();
        String[] expiredChallenge = challenge(true);
        String[] runningChallenge = challenge(false);
        ClockUtil.setCurrentTime(new Date(t0.getTime() + 2 * DAY));
        String keptApplication = application();
        identity.clearAuthentication();

        assertThat(rows("ACT_HI_OP_LOG", expiredApplication)).isPositive();
        for (String id : List.of(expiredApplication, expiredChallenge[0], expiredChallenge[1], runningChallenge[0], runningChallenge[1],
                keptApplication)) {
            for (String table : TABLES) {
                assertThat(rows(table, id)).as(table + " before").isPositive();
            }
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE PROC_INST_ID_ = ? AND REMOVAL_TIME_ IS NOT NULL",
                    Integer.class, id)).as("no removal time is written").isZero();
        }

        ClockUtil.setCurrentTime(new Date(t0.getTime() + 2 * DAY + 60_000)); // 1 day and a minute after the first ends
        cleanUp();

        for (String id : List.of(expiredApplication, expiredChallenge[0], expiredChallenge[1], runningChallenge[1])) {
            for (String table : TABLES) {
                assertThat(rows(table, id)).as(table + " of " + id).isZero();
            }
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_IDENTITYLINK L JOIN ACT_HI_TASKINST T ON T.ID_ = L.TASK_ID_"
                    + " WHERE T.PROC_INST_ID_ = ?", Integer.class, id)).isZero();
        }
        for (String id : List.of(runningChallenge[0], keptApplication)) {
            for (String table : List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_HI_COMMENT",
                    "ACT_HI_OP_LOG")) {
                assertThat(rows(table, id)).as(table + " of " + id).isPositive();
            }
        }

        // Camunda's end-time cleanup leaves the operation log; the retention run takes it, and only it
        assertThat(rows("ACT_HI_OP_LOG", expiredApplication)).isPositive();
        enginePersonalData.expire(PersonalDataFixture.periods(), ClockUtil.getCurrentTime().toInstant());
        for (String id : List.of(expiredApplication, expiredChallenge[0], expiredChallenge[1], runningChallenge[1])) {
            assertThat(rows("ACT_HI_OP_LOG", id)).as("operation log of " + id).isZero();
        }
        for (String id : List.of(runningChallenge[0], keptApplication)) {
            assertThat(rows("ACT_HI_OP_LOG", id)).as("operation log of " + id).isPositive();
        }
    }

    /** Runs the cleanup job now, as the nightly window would, until it has nothing left to delete. */
    private void cleanUp() {
        history.cleanUpHistoryAsync(true);
        for (int round = 0; round < 5; round++) {
            for (Job job : history.findHistoryCleanupJobs()) {
                management.executeJob(job.getId());
            }
        }
    }

    /** An application: its own root, a wait state and an end, with a variable and a comment. */
    private String application() {
        ProcessInstance instance = runtime.startProcessInstanceByKey(APPLICATION, UUID.randomUUID().toString(),
                Map.of("companyGroup", "company-cleanup"));
        completeTask(instance.getId());
        return instance.getId();
    }

    /** A challenge whose call activity's instance ends; the challenge itself ends when {@code end} is true. */
    private String[] challenge(boolean end) {
        ProcessInstance root = runtime.startProcessInstanceByKey(CHALLENGE, Map.of("challengeId", UUID.randomUUID().toString()));
        ProcessInstance called = runtime.createProcessInstanceQuery().superProcessInstanceId(root.getId()).singleResult();
        completeTask(called.getId());
        if (end) {
            completeTask(root.getId());
        } else {
            Task waiting = tasks.createTaskQuery().processInstanceId(root.getId()).singleResult();
            tasks.createComment(waiting.getId(), root.getId(), "still running");
            tasks.addCandidateGroup(waiting.getId(), "coordinators");
        }
        return new String[] {root.getId(), called.getId()};
    }

    private void completeTask(String processInstanceId) {
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        tasks.createComment(task.getId(), processInstanceId, "done");
        tasks.addCandidateGroup(task.getId(), "coordinators");
        tasks.complete(task.getId(), Map.of("outcome", "done"));
    }

    private int rows(String table, String processInstanceId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE PROC_INST_ID_ = ?", Integer.class, processInstanceId);
    }

    private void deploy() {
        deployments.add(repository.createDeployment()
                .addModelInstance(APPLICATION + ".bpmn", Bpmn.createExecutableProcess(APPLICATION).camundaHistoryTimeToLive(1)
                        .startEvent().userTask("UserTask_Decide").endEvent().done())
                .addModelInstance(CALLED + ".bpmn", Bpmn.createExecutableProcess(CALLED).camundaHistoryTimeToLive(1)
                        .startEvent().userTask("UserTask_Sign").endEvent().done())
                .addModelInstance(CHALLENGE + ".bpmn", Bpmn.createExecutableProcess(CHALLENGE).camundaHistoryTimeToLive(1)
                        .startEvent().callActivity("CallActivity_Contract").calledElement(CALLED)
                        .userTask("UserTask_Close").endEvent().done())
                .deploy());
    }
}
