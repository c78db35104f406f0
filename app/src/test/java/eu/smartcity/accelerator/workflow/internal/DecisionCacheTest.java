package eu.smartcity.accelerator.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void evaluationsAfterTheFirstAskTheRepositoryNothing() {
        decisions.evaluate("smoke-check", Map.of("requestedBudget", 11_000L));
        long before = flowable.lookUps();
        for (int i = 0; i < 2_000; i++) {
            assertThat(decisions.evaluate("smoke-check", Map.of("requestedBudget", 5_000L + i)).singleOutput()).containsKey("verdict");
        }
        // at most the periodic check for another node's deployment (every 10 s), never one per evaluation
        assertThat(flowable.lookUps() - before).isLessThanOrEqualTo(2);
    }
}
