package eu.smartcity.accelerator.workflow;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.application.ApplicationProcess;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.ContractCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two actors doing the same thing at the same moment, in the style of Camunda's own concurrency
 * tests: each race has exactly one winner, and the loser gets a clear error instead of a duplicate.
 */
@AcceleratorTest
class ConcurrencyTest {

    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationContext context;
    final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Runs both at once (released together) and returns each outcome: null for success, else the error. */
    List<Throwable> race(Callable<?> first, Callable<?> second) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Throwable>> results = new ArrayList<>();
        for (Callable<?> action : List.of(first, second)) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    action.call();
                    return null;
                } catch (Exception e) {
                    return e;
                }
            }));
        }
        start.countDown();
        List<Throwable> outcomes = new ArrayList<>();
        for (Future<Throwable> result : results) {
            outcomes.add(result.get(30, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    ProcessInstance contractAtCompanyReview() {
        // a contract is drafted from a real challenge and application (ContractDocuments refuses made-up ids)
        Map<String, Object> v = ContractCase.of(context, "city-mechelen", "company-urbansense").delivery();
        v.put(ChallengeProcess.CONTRACT_ID.name(), UUID.randomUUID().toString());
        v.put("signatureWindow", "P14D");
        ProcessInstance contract = engine.getRuntimeService().startProcessInstanceByKey("contract", v);
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                .processInstanceId(contract.getId()).singleResult().getId());
        return contract;
    }

    @Test
    void twoUsersCompletingTheSameTaskGiveOneWinner() throws Exception {
        ProcessInstance contract = contractAtCompanyReview();
        String taskId = engine.getTaskService().createTaskQuery().processInstanceId(contract.getId()).singleResult().getId();
        Map<String, Object> agree = ProcessVariables.of(eu.smartcity.accelerator.contract.ContractProcess.DRAFT_DECISION.with(
                eu.smartcity.accelerator.contract.ContractProcess.DraftDecision.AGREE));

        List<Throwable> outcomes = race(() -> { engine.getTaskService().complete(taskId, agree); return null; },
                () -> { engine.getTaskService().complete(taskId, agree); return null; });

        assertThat(outcomes).filteredOn(o -> o == null).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o != null).singleElement()
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("Cannot find task", "was updated by another transaction"));
        // the process moved on exactly once: one compliance check waits
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(contract.getId())
                .taskDefinitionKey(eu.smartcity.accelerator.contract.ContractProcess.USER_TASK_CHECK_COMPLIANCE).count()).isEqualTo(1);
    }

    /** As the portal moves an application on (Applications): the execution at the wait state, signalled; twice at once. */
    @Test
    void anApplicationMovedOnTwiceAtOnceMovesOnce() throws Exception {
        ProcessInstance application = engine.getRuntimeService().startProcessInstanceByKey(ApplicationProcess.KEY,
                UUID.randomUUID().toString(), Map.of(ApplicationProcess.CHALLENGE_ID.name(), "y",
                        ApplicationProcess.COMPANY_GROUP.name(), "company-parkflow"));
        Callable<Object> withdraw = () -> {
            var waiting = engine.getRuntimeService().createExecutionQuery().processInstanceId(application.getId())
                    .activityId(ApplicationProcess.RECEIVE_AWAIT_ELIGIBILITY).singleResult();
            if (waiting == null) {
                throw new IllegalStateException("not waiting any more");
            }
            engine.getRuntimeService().signal(waiting.getId(), ProcessVariables.of(
                    ApplicationProcess.ELIGIBILITY.with(ApplicationProcess.Eligibility.WITHDRAWN)));
            return null;
        };

        List<Throwable> outcomes = race(withdraw, withdraw);

        assertThat(outcomes).filteredOn(o -> o == null).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o != null).singleElement()
                // the loser is refused; how depends on when it looks: the instance gone (before or while it loads the
                // instance's executions), or an optimistic lock
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("not waiting any more", "was updated by another transaction",
                        "doesn't exist", "is null", "list of executions is empty"));
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(application.getId())
                .activityId(ApplicationProcess.END_WITHDRAWN).count()).isEqualTo(1);
    }

    @Test
    void twoScoresForTheSameSlotArrivingAtOnceKeepOne() throws Exception {
        UUID cycle = UUID.randomUUID();
        UUID challenge = UUID.randomUUID();
        UUID application = UUID.randomUUID();
        jdbc.update("insert into cycle (id, name, bylaws_version, rules_json, rules_sha256, opened_at, status) "
                + "values (?, 'race', 'scifi-2024', '{}', 'x', current_timestamp, 'OPEN')", cycle);
        jdbc.update("insert into challenge (id, cycle_id, city_group, title, problem, budget_cap, min_trl, status) "
                + "values (?, ?, 'city-mechelen', 'race', 'race', 1000, 1, 'SELECTION')", challenge, cycle);
        jdbc.update("insert into application (id, challenge_id, company_group, solution_title, pitch, requested_budget, trl, "
                + "legal_entity, country, employees, interoperable, declarations_signed, submitted_at, status) values "
                + "(?, ?, 'company-parkflow', 'race', 'race', 10, 5, true, 'BE', 1, true, true, current_timestamp, 'UNDER_REVIEW')",
                application, challenge);
        String insert = "insert into jury_score (id, challenge_id, application_id, member, round, fit, innovation, team, price, "
                + "replicability, open_data_use, weighted_score, decision_version, scored_at) values (?, ?, ?, 'jury-an', 1, "
                + "7, 7, 7, 7, 7, 7, 7.0, 1, current_timestamp)";

        List<Throwable> outcomes = race(() -> jdbc.update(insert, UUID.randomUUID(), challenge, application),
                () -> jdbc.update(insert, UUID.randomUUID(), challenge, application));

        assertThat(outcomes).filteredOn(o -> o == null).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o != null).singleElement()
                .satisfies(e -> assertThat(e).isInstanceOf(org.springframework.dao.DuplicateKeyException.class));
        assertThat(jdbc.queryForObject("select count(*) from jury_score where application_id = ?", Integer.class, application))
                .isEqualTo(1);
    }
}
