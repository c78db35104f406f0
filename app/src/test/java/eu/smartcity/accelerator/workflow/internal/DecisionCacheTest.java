package eu.smartcity.accelerator.workflow.internal;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flowable.dmn.engine.DmnEngine;

import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.workflow.DecisionService;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 19, point 2: an evaluation does no repository look-up (a count, not a timing); a new deployment is picked up
 * at once — {@code DecisionVersioningTest} deploys new versions and evaluates right after each.
 */
@AcceleratorTest
class DecisionCacheTest {

    @Autowired DecisionService decisions;
    @Autowired FlowableDecisionService flowable;
    @Autowired DmnEngine dmnEngine;

    @Test
    void evaluationsAfterTheFirstAskTheRepositoryNothing() {
        decisions.evaluate("smoke-check", Map.of("requestedBudget", 11_000L));
        long before = flowable.lookUps();
        for (int i = 0; i < 2_000; i++) {
            assertThat(decisions.evaluate("smoke-check", Map.of("requestedBudget", 5_000L + i)).singleOutput()).containsKey("budgetVerdict");
        }
        // at most the periodic check for another node's deployment (every 10 s), never one per evaluation
        assertThat(flowable.lookUps() - before).isLessThanOrEqualTo(2);
    }

    /**
     * Issue 19, point 4: a submission evaluates eligibility inside its transaction; an evaluation that needed one of
     * Flowable's 4 connections would hold the main pool's connection while queueing for it ("idle in transaction").
     */
    @Test
    void anEvaluationNeedsNoConnectionEvenWhenFlowablesPoolIsExhausted() throws Exception {
        decisions.evaluate("smoke-check", Map.of("requestedBudget", 11_000L));
        HikariDataSource pool = dmnEngine.getDmnEngineConfiguration().getDataSource().unwrap(HikariDataSource.class);
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                held.add(pool.getConnection());
            }
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                for (int i = 0; i < 100; i++) {
                    assertThat(decisions.evaluate("smoke-check", Map.of("requestedBudget", 9_000L + i)).singleOutput()).containsKey("budgetVerdict");
                }
            });
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }
}
