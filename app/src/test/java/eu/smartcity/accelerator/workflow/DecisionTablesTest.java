package eu.smartcity.accelerator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smartcity.accelerator.support.AcceleratorTest;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Table-driven tests of the decision tables: every rule is matched by some case, boundaries are
 * checked, and every case gives the same outputs on Flowable DMN (production) and on Camunda's DMN
 * engine (portability: the tables use only what both understand).
 */
@AcceleratorTest
class DecisionTablesTest {

    static final DmnEngine CAMUNDA_DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    static final Map<String, Set<String>> MATCHED = new TreeMap<>();

    @Autowired DecisionService decisions;
    @Autowired RepositoryService camundaRepository;
    @Autowired JdbcTemplate jdbc;

    static Map<String, Object> eligibleApplicant() {
        Map<String, Object> in = new HashMap<>();
        in.put("legalEntity", true);
        in.put("requireLegalEntity", true);
        in.put("inProgrammeArea", true);
        in.put("employees", 40L);
        in.put("maxEmployees", 250L);
        in.put("requestedBudget", 10_000L);
        in.put("budgetCap", 10_000L);
        in.put("trl", 6L);
        in.put("minTrl", 6L);
        in.put("declarationsSigned", true);
        in.put("interoperable", true);
        in.put("requireInteroperable", true);
        return in;
    }

    static Map<String, Object> with(Map<String, Object> base, Object... keyValues) {
        Map<String, Object> in = new HashMap<>(base);
        for (int i = 0; i < keyValues.length; i += 2) {
            in.put((String) keyValues[i], keyValues[i + 1]);
        }
        return in;
    }

    static Stream<Arguments> eligibilityCases() {
        Map<String, Object> ok = eligibleApplicant();
        return Stream.of(
                Arguments.of("eligible at every boundary (budget = cap, TRL = minimum, employees = max)",
                        with(ok, "employees", 250L), List.of()),
                Arguments.of("not a legal entity where required", with(ok, "legalEntity", false), List.of("NOT_LEGAL_ENTITY")),
                Arguments.of("not a legal entity, not required", with(ok, "legalEntity", false, "requireLegalEntity", false), List.of()),
                Arguments.of("outside the programme area", with(ok, "inProgrammeArea", false), List.of("OUTSIDE_PROGRAMME_AREA")),
                Arguments.of("one employee too many", with(ok, "employees", 251L), List.of("COMPANY_TOO_LARGE")),
                Arguments.of("one euro over the cap", with(ok, "requestedBudget", 10_001L), List.of("OVER_BUDGET_CAP")),
                Arguments.of("TRL one below minimum", with(ok, "trl", 5L), List.of("TRL_TOO_LOW")),
                Arguments.of("declarations unsigned", with(ok, "declarationsSigned", false), List.of("DECLARATIONS_MISSING")),
                Arguments.of("not interoperable where required", with(ok, "interoperable", false), List.of("NOT_INTEROPERABLE")),
                Arguments.of("not interoperable, not required", with(ok, "interoperable", false, "requireInteroperable", false), List.of()),
                Arguments.of("every reason at once", with(ok, "legalEntity", false, "inProgrammeArea", false, "employees", 900L,
                        "requestedBudget", 50_000L, "trl", 2L, "declarationsSigned", false, "interoperable", false),
                        List.of("NOT_LEGAL_ENTITY", "OUTSIDE_PROGRAMME_AREA", "COMPANY_TOO_LARGE", "OVER_BUDGET_CAP", "TRL_TOO_LOW",
                                "DECLARATIONS_MISSING", "NOT_INTEROPERABLE")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eligibilityCases")
    void eligibilityGivesEveryReasonOnBothEngines(String name, Map<String, Object> inputs, List<String> expectedReasons) {
        DecisionResult flowable = decisions.evaluate("eligibility", inputs);
        flowable.matchedRules().forEach(r -> MATCHED.computeIfAbsent("eligibility", k -> new HashSet<>()).add(r.ruleId()));

        assertThat(flowable.outputs()).extracting(row -> row.get("reasonCode")).containsExactlyElementsOf(expectedReasons);
        assertThat(flowable.outputs()).allSatisfy(row -> assertThat((String) row.get("reason")).isNotBlank().endsWith("."));
        assertThat(camunda("eligibility", inputs)).isEqualTo(normalised(flowable.outputs()));
    }

    static Stream<Arguments> scoringCases() {
        return Stream.of(
                Arguments.of(3L, 9.5, "insufficient fit", false),
                Arguments.of(4L, 8.0, "excellent", true),
                Arguments.of(7L, 7.99, "good", true),
                Arguments.of(7L, 6.0, "good", true),
                Arguments.of(7L, 5.99, "weak", false));
    }

    @ParameterizedTest(name = "fit {0}, weighted {1} -> {2}")
    @MethodSource("scoringCases")
    void applicantScoringBandsOnBothEngines(long fit, double weightedScore, String band, boolean shortlistable) {
        Map<String, Object> inputs = Map.of("fit", fit, "weightedScore", weightedScore);
        DecisionResult flowable = decisions.evaluate("applicant-scoring", inputs);
        flowable.matchedRules().forEach(r -> MATCHED.computeIfAbsent("applicant-scoring", k -> new HashSet<>()).add(r.ruleId()));

        assertThat(flowable.singleOutput()).containsEntry("band", band).containsEntry("shortlistable", shortlistable);
        assertThat(camunda("applicant-scoring", inputs)).isEqualTo(normalised(flowable.outputs()));
    }

    @Test
    void aMissingInputIsNamedAndLeavesNoAuditRecord() {
        Integer before = jdbc.queryForObject("select count(*) from decision_evaluation", Integer.class);
        Map<String, Object> inputs = eligibleApplicant();
        inputs.remove("trl");

        assertThatThrownBy(() -> decisions.evaluateAndRecord("eligibility", inputs, DecisionAudit.of("application", "x")))
                .isInstanceOf(DecisionInputException.class).hasMessage("Decision 'eligibility': input 'trl' is missing");
        assertThatThrownBy(() -> decisions.evaluate("eligibility", with(eligibleApplicant(), "employees", "forty")))
                .isInstanceOf(DecisionInputException.class)
                .hasMessageContaining("input 'employees' must be of type number but was String 'forty'");
        assertThat(jdbc.queryForObject("select count(*) from decision_evaluation", Integer.class)).isEqualTo(before);
    }

    @Test
    void camundaDeploysNoDecisionTables() {
        assertThat(camundaRepository.createDecisionDefinitionQuery().count()).isZero();
    }

    @AfterAll
    static void everyRuleWasMatchedAtLeastOnce() throws Exception {
        for (String key : List.of("eligibility", "applicant-scoring")) {
            assertThat(MATCHED.get(key)).as("rules of %s matched by some case", key).isEqualTo(ruleIds(key));
        }
    }

    static Set<String> ruleIds(String key) throws Exception {
        try (InputStream in = DecisionTablesTest.class.getResourceAsStream("/processes/" + key + ".dmn")) {
            return CAMUNDA_DMN.parseDecision(key, in).getDecisionLogic() instanceof org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl table
                    ? new HashSet<>(table.getRules().stream().map(r -> r.getId()).toList())
                    : Set.of();
        }
    }

    static List<Map<String, Object>> camunda(String key, Map<String, Object> inputs) {
        try (InputStream in = DecisionTablesTest.class.getResourceAsStream("/processes/" + key + ".dmn")) {
            DmnDecision decision = CAMUNDA_DMN.parseDecision(key, in);
            DmnDecisionResult result = CAMUNDA_DMN.evaluateDecision(decision, new HashMap<>(inputs));
            List<Map<String, Object>> rows = new ArrayList<>();
            result.forEach(row -> rows.add(normalisedRow(row.getEntryMap())));
            return rows;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Flowable returns numbers as Double, Camunda as Long or Double: compare numbers numerically. */
    static List<Map<String, Object>> normalised(List<Map<String, Object>> rows) {
        return rows.stream().map(DecisionTablesTest::normalisedRow).toList();
    }

    static Map<String, Object> normalisedRow(Map<String, Object> row) {
        Map<String, Object> out = new TreeMap<>();
        row.forEach((k, v) -> out.put(k, v instanceof Number n ? n.doubleValue() : v));
        return out;
    }
}
