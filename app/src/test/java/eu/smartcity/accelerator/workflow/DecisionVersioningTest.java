package eu.smartcity.accelerator.workflow;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.support.AcceleratorTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.flowable.dmn.api.DmnDecision;
import org.flowable.dmn.api.DmnRepositoryService;
import org.flowable.dmn.engine.DmnEngine;
import org.flowable.dmn.spring.SpringDmnEngineConfiguration;
import org.flowable.dmn.spring.autodeployment.SingleResourceAutoDeploymentStrategy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Decisions are deployed from processes/*.dmn at start-up, one Flowable deployment per file: starting
 * again with an unchanged table deploys nothing, a changed table becomes a new version of that
 * decision only — and evaluation uses the newest.
 */
@AcceleratorTest
class DecisionVersioningTest {

    @Autowired DmnRepositoryService repository;
    @Autowired DmnEngine dmnEngine;
    @Autowired DecisionService decisions;

    /** What start-up does: the same strategy, deployment name and resource names as our configuration. */
    void deployAtStartUp(Resource smokeCheck) {
        SpringDmnEngineConfiguration configuration = (SpringDmnEngineConfiguration) dmnEngine.getDmnEngineConfiguration();
        new SingleResourceAutoDeploymentStrategy().deployResources(configuration.getDeploymentName(),
                new Resource[] {smokeCheck}, dmnEngine);
    }

    @Test
    void anUnchangedTableKeepsItsVersionAndAChangedOneBecomesTheNextVersion() throws Exception {
        String original;
        try (InputStream in = getClass().getResourceAsStream("/processes/smoke-check.dmn")) {
            original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int before = latest("smoke-check").getVersion();
        int scoringBefore = latest("applicant-scoring").getVersion();

        deployAtStartUp(named(original));
        assertThat(latest("smoke-check").getVersion()).isEqualTo(before);

        deployAtStartUp(named(original.replace("&lt;= 10000", "&lt;= 12000").replace("&gt; 10000", "&gt; 12000")));
        assertThat(latest("smoke-check").getVersion()).isEqualTo(before + 1);
        assertThat(latest("applicant-scoring").getVersion()).isEqualTo(scoringBefore);
        assertThat(decisions.evaluate("smoke-check", Map.of("requestedBudget", 11_000L)).singleOutput())
                .containsEntry("budgetVerdict", "within-cap");

        deployAtStartUp(named(original)); // back to the file as shipped: again a new version, used from now on
        assertThat(decisions.evaluate("smoke-check", Map.of("requestedBudget", 11_000L)).singleOutput())
                .containsEntry("budgetVerdict", "over-cap");
    }

    private DmnDecision latest(String key) {
        return repository.createDecisionQuery().decisionKey(key).latestVersion().singleResult();
    }

    /** The file's new content under the same resource name start-up used (its path on the classpath). */
    private static Resource named(String content) throws java.io.IOException {
        String shippedPath = new ClassPathResource("processes/smoke-check.dmn").getFile().getAbsolutePath();
        return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "smoke-check.dmn";
            }

            @Override
            public String getDescription() {
                return shippedPath;
            }
        };
    }
}
