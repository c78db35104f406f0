package eu.smartcity.accelerator.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.evaluation.EvaluationProcess;
import eu.smartcity.accelerator.marketplace.frameworks.FrameworkContracts;
import eu.smartcity.accelerator.marketplace.replication.Replication;
import eu.smartcity.accelerator.marketplace.replication.ReplicationStarter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two officers of one city start the replication of one implementation at once (ReplicationRaceTest on H2, ReplicationRaceIT). */
record ReplicationRaceChecks(Cycles cycles, Challenges challenges, ProcessEngine engine, ReplicationStarter replications,
        JdbcTemplate jdbc) {

    void oneRunningReplicationPerImplementationAndCity() throws Exception {
        UUID implementation = replicableImplementation();
        int officers = 4;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(officers);
        List<Future<String>> clicks = new ArrayList<>();
        try {
            for (int i = 0; i < officers; i++) {
                clicks.add(threads.submit(() -> {
                    go.await();
                    try {
                        return "started " + replications.start(implementation, "city-mechelen", "officer-mechelen").id();
                    } catch (FrameworkContracts.JoinNotPossibleException refused) {
                        return refused.getMessage();
                    }
                }));
            }
            go.countDown();
            List<String> answers = new ArrayList<>();
            for (Future<String> click : clicks) {
                answers.add(click.get(60, TimeUnit.SECONDS));
            }
            assertThat(answers).filteredOn(a -> a.startsWith("started")).as("answers " + answers).hasSize(1);
            assertThat(answers).filteredOn(a -> !a.startsWith("started")).allMatch("market.replicate.alreadyRunning"::equals);
        } finally {
            threads.shutdownNow();
        }
        assertThat(rows(implementation)).isEqualTo(1);
        String running = jdbc.queryForObject("SELECT process_instance_id FROM market_replication WHERE implementation_id = ?",
                String.class, implementation);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(running).count()).isEqualTo(1);

        // the database itself refuses a second running row for the same implementation and city
        String key = jdbc.queryForObject("SELECT running_key FROM market_replication WHERE implementation_id = ?", String.class, implementation);
        assertThat(key).isEqualTo(implementation + ":city-mechelen");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO market_replication (id, implementation_id, city_group, requested_by, process_instance_id, requested_at, running_key)
                SELECT ?, implementation_id, city_group, requested_by, 'another', requested_at, running_key FROM market_replication
                WHERE implementation_id = ?""", UUID.randomUUID(), implementation)).isInstanceOf(DataIntegrityViolationException.class);

        // once it has ended, the city may replicate again
        engine.getRuntimeService().deleteProcessInstance(running, "test: the replication ended");
        Replication again = replications.start(implementation, "city-mechelen", "officer-mechelen");
        assertThat(rows(implementation)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM market_replication WHERE implementation_id = ? AND running_key IS NOT NULL",
                Integer.class, implementation)).isEqualTo(1);
        engine.getRuntimeService().deleteProcessInstance(again.processInstanceId(), "test: done");
    }

    private int rows(UUID implementation) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM market_replication WHERE implementation_id = ?", Integer.class, implementation);
    }

    /** Delft's evaluated pilot with the verdict "replicate" (as MarketplaceTest makes one). */
    private UUID replicableImplementation() {
        UUID cycle = cycles.open("Replication race " + UUID.randomUUID(), "scifi-2025").id();
        UUID challenge = challenges.launch(cycle, "city-delft", new Challenges.Definition("Noise monitoring " + UUID.randomUUID(),
                "Night-time noise complaints rise. Measure noise continuously.", "Noise data", new BigDecimal("9000"), "Complaints",
                "nl", 6));
        String evaluationId = UUID.randomUUID().toString();
        Map<String, Object> v = new HashMap<>();
        v.put(EvaluationProcess.EVALUATION_ID.name(), evaluationId);
        v.put(EvaluationProcess.PILOT_ID.name(), UUID.randomUUID().toString());
        v.put(EvaluationProcess.CHALLENGE_ID.name(), challenge.toString());
        v.put(EvaluationProcess.CITY_GROUP.name(), "city-delft");
        v.put(EvaluationProcess.COMPANY_GROUP.name(), "company-greengrid");
        v.put(EvaluationProcess.MILESTONE_CADENCE.name(), "P30D");
        String evaluation = engine.getRuntimeService().startProcessInstanceByKey(EvaluationProcess.KEY, evaluationId, v).getId();
        ProcessDriver driver = new ProcessDriver(engine);
        driver.complete(evaluation, EvaluationProcess.USER_TASK_KPI_RESULTS,
                Map.of(EvaluationProcess.KPI_NAME.name(), "Noise complaints per month", EvaluationProcess.KPI_TARGET.name(), 40L, EvaluationProcess.KPI_RESULT.name(), 31L));
        driver.complete(evaluation, EvaluationProcess.USER_TASK_SURVEY_AND_BEHAVIOUR,
                Map.of(EvaluationProcess.SURVEY_SCORE.name(), 58L, EvaluationProcess.MEASURED_SCORE.name(), 74L));
        driver.complete(evaluation, EvaluationProcess.USER_TASK_DECIDE_VERDICT,
                Map.of(EvaluationProcess.VERDICT.name(), "replicate", EvaluationProcess.VERDICT_REASON.name(), "KPI met"));
        return jdbc.queryForObject("SELECT id FROM market_implementation WHERE evaluation_id = ?", UUID.class, UUID.fromString(evaluationId));
    }
}
