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

    /**
     * Issue #17 ("110 / 100"): every combination of the matching table's boundaries — same or other domain, price
     * at and above the budget, city at and below the solution's minimum size, data needed/available, and every
     * relation of the city's and the solution's procurement routes (any/any, any/one, one/any, the same, two
     * different ones) — scores between 0 and 100 on both engines
     * (the same on each), and the best combination reaches 100.
     */
    @org.junit.jupiter.api.Test
    void noCombinationOfMatchingInputsScoresAbove100OrBelow0() {
        double best = -1;
        int evaluated = 0;
        for (String solutionDomain : List.of("mobility", "energy")) {
            for (String price : List.of("100000", "100000.01")) {
                for (long minPopulation : List.of(80_000L, 80_001L)) {
                    for (boolean dataAvailable : List.of(true, false)) {
                        for (boolean needsData : List.of(true, false)) {
                            for (String cityRoute : ROUTES) {
                                for (String solutionRoute : ROUTES) {
                                    Map<String, Object> inputs = SolutionMatching.inputs(
                                            new CityNeed("need", "mobility", new BigDecimal("100000"), 80_000L, dataAvailable, cityRoute),
                                            new CatalogueSolution("s", "urbansense", solutionDomain, new BigDecimal(price), minPopulation,
                                                    needsData, solutionRoute));
                                    double onFlowable = points(flowable.getDmnDecisionService().createExecuteDecisionBuilder()
                                            .decisionKey(Decisions.SOLUTION_MATCHING).variables(new HashMap<>(inputs)).executeDecision());
                                    double onCamunda = points(camunda.evaluateDecisionTable(
                                            camundaDecisions.get(Decisions.SOLUTION_MATCHING), new HashMap<>(inputs)).getResultList());
                                    assertThat(onFlowable).as("%s", inputs).isBetween(0.0, SolutionMatching.MAX_SCORE)
                                            .isEqualTo(onCamunda);
                                    best = Math.max(best, onFlowable);
                                    evaluated++;
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(evaluated).isEqualTo(2 * 2 * 2 * 2 * 2 * 9);
        assertThat(best).isEqualTo(SolutionMatching.MAX_SCORE);
    }

    /** "any" and two real routes: together every relation two routes can have. */
    static final List<String> ROUTES = List.of(SolutionMatching.ANY_ROUTE, "framework", "open-tender");

    private static double points(List<Map<String, Object>> rows) {
        return rows.stream().mapToDouble(row -> ((Number) row.get("matchScore")).doubleValue()).sum();
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
