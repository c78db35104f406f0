package eu.smartcity.accelerator.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.scoring.DecisionCases.Case;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.flowable.dmn.api.DecisionExecutionAuditContainer;
import org.flowable.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every table in processes/ on both DMN engines — Flowable DMN 7.2 (what the app uses) and
 * Camunda's DMN engine 7.24 — over the same inputs: the same rules match and the outputs are
 * equal (numbers compared numerically: Flowable gives Double, Camunda Long/Double).
 * Plain JUnit, no Spring: Flowable runs standalone on an in-memory H2.
 */
class DecisionPortabilityTest {

    static final List<String> TABLES = List.of(Decisions.ELIGIBILITY, Decisions.APPLICANT_SCORING, Decisions.SOLUTION_MATCHING);

    static org.flowable.dmn.engine.DmnEngine flowable;
    static DmnEngine camunda;
    static final Map<String, DmnDecision> camundaDecisions = new HashMap<>();
    static final List<String> camundaMatched = new ArrayList<>();

    @BeforeAll
    static void startBothEngines() {
        // No Spring here, so logback runs unconfigured (DEBUG): keep the engines' chatter out of the build log.
        for (String name : List.of("org.flowable", "org.camunda", "org.apache.ibatis", "com.zaxxer", "org.h2")) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(name)).setLevel(ch.qos.logback.classic.Level.ERROR);
        }
        DmnEngineConfiguration configuration = DmnEngineConfiguration.createStandaloneInMemDmnEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:portability-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistoryEnabled(false);
        flowable = configuration.buildDmnEngine();

        DmnDecisionTableEvaluationListener listener = event -> {
            camundaMatched.clear();
            event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(camundaMatched::add);
        };
        camunda = ((DefaultDmnEngineConfiguration) org.camunda.bpm.dmn.engine.DmnEngineConfiguration
                .createDefaultDmnEngineConfiguration())
                .customPostDecisionTableEvaluationListeners(List.of(listener))
                .buildEngine();

        for (String key : TABLES) {
            byte[] xml = DecisionCases.dmn(key).getBytes(StandardCharsets.UTF_8);
            flowable.getDmnRepositoryService().createDeployment().name(key)
                    .addInputStream(key + ".dmn", new ByteArrayInputStream(xml)).deploy();
            camundaDecisions.put(key, camunda.parseDecision(key, new ByteArrayInputStream(xml)));
        }
    }

    @AfterAll
    static void stop() {
        flowable.close();
    }

    static Stream<Arguments> everyCaseOfEveryTable() {
        return Stream.of(
                DecisionCases.eligibility().stream().map(c -> Arguments.of(Decisions.ELIGIBILITY, c)),
                DecisionCases.applicantScoring().stream().map(c -> Arguments.of(Decisions.APPLICANT_SCORING, c)),
                DecisionCases.solutionMatching().stream().map(c -> Arguments.of(Decisions.SOLUTION_MATCHING, c)))
                .flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyCaseOfEveryTable")
    void bothEnginesMatchTheSameRulesAndGiveEqualOutputs(String key, Case c) {
        DecisionExecutionAuditContainer onFlowable = flowable.getDmnDecisionService().createExecuteDecisionBuilder()
                .decisionKey(key).variables(new HashMap<>(c.inputs())).executeWithAuditTrail();
        assertThat(onFlowable.isFailed()).as("Flowable failed: %s", onFlowable.getExceptionMessage()).isFalse();
        List<String> ruleIds = DecisionCases.ruleIds(key);
        List<String> flowableMatched = onFlowable.getRuleExecutions().values().stream()
                .filter(r -> Boolean.TRUE.equals(r.isValid()))
                .map(r -> ruleIds.get(r.getRuleNumber() - 1)).toList();

        List<Map<String, Object>> onCamunda = camunda.evaluateDecisionTable(camundaDecisions.get(key), new HashMap<>(c.inputs()))
                .getResultList();

        assertThat(flowableMatched).as("rules matched on Flowable").containsExactlyElementsOf(c.expectedRules());
        assertThat(camundaMatched).as("rules matched on Camunda").containsExactlyElementsOf(c.expectedRules());
        assertThat(normalised(onFlowable.getDecisionResult())).as("outputs of Flowable vs Camunda")
                .isEqualTo(normalised(onCamunda));
    }

    /** Numbers as BigDecimal without trailing zeros, rounded to 9 decimals; everything else as is. */
    static List<Map<String, Object>> normalised(List<Map<String, Object>> rows) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> normal = new LinkedHashMap<>();
            row.forEach((name, value) -> normal.put(name, value instanceof Number n
                    ? new BigDecimal(n.toString()).setScale(9, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                    : value));
            result.add(normal);
        }
        return result;
    }
}
