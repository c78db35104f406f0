package eu.smartcity.accelerator.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smartcity.accelerator.scoring.DecisionCases.Case;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.workflow.DecisionInputException;
import eu.smartcity.accelerator.workflow.DecisionRecords;
import eu.smartcity.accelerator.workflow.DecisionResult;
import eu.smartcity.accelerator.workflow.DecisionService;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The {@code solution-matching} table, ranking a catalogue, and choosing which suppliers to alert. */
@AcceleratorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SolutionMatchingDecisionTest {

    @Autowired DecisionService decisions;
    @Autowired SolutionMatching matching;
    @Autowired DecisionRecords records;
    @Autowired RepositoryService camundaRepository;

    final Set<String> matchedRules = new HashSet<>();

    static List<Case> cases() {
        return DecisionCases.solutionMatching();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givesPointsAndAReasonPerMatchedRow(Case c) {
        DecisionResult result = decisions.evaluate(Decisions.SOLUTION_MATCHING, c.inputs());

        assertThat(result.matchedRules()).extracting(DecisionResult.MatchedRule::ruleId).containsExactlyElementsOf(c.expectedRules());
        assertThat(result.outputs().stream().mapToDouble(row -> ((Number) row.get("matchScore")).doubleValue()).sum())
                .isEqualTo((Double) c.expected().get(0));
        assertThat(result.outputs()).allSatisfy(row -> assertThat((String) row.get("matchReason")).isNotBlank());
        result.matchedRules().forEach(rule -> matchedRules.add(rule.ruleId()));
    }

    @AfterAll
    void everyRuleMatchedAtLeastOnce() {
        assertThat(matchedRules).containsExactlyInAnyOrderElementsOf(DecisionCases.ruleIds(Decisions.SOLUTION_MATCHING));
    }

    static CatalogueSolution solution(String id, String supplier, String domain, String price, long minPopulation,
            boolean needsData, String route) {
        return new CatalogueSolution(id, supplier, domain, new BigDecimal(price), minPopulation, needsData, route);
    }

    static final List<CatalogueSolution> CATALOGUE = List.of(
            solution("parking-sensors", "parkflow", "mobility", "40000", 10_000, true, "framework"),          // 40+25+15+10    = 90
            solution("traffic-ai", "urbansense", "mobility", "100000", 80_000, true, "pre-commercial"),      // 100
            solution("smart-grid", "greengrid", "energy", "20000", 1_000, false, "any"),                     // other domain
            solution("bike-counter", "urbansense", "mobility", "150000", 500_000, false, "any"),             // 40+0+0+10+10  = 60
            solution("ev-charging", "greengrid", "mobility", "40000", 10_000, true, "innovation-partnership")); // 90, same price -> by id

    @Test
    void ranksOnlyTheDomainsSolutionsByScoreThenPriceThenId() {
        String needId = "need-" + UUID.randomUUID();
        CityNeed need = new CityNeed(needId, "mobility", new BigDecimal("100000"), 80_000L, true, "pre-commercial");

        List<SolutionMatch> ranking = matching.rank(need, CATALOGUE);

        assertThat(ranking).extracting(m -> m.solution().solutionId())
                .containsExactly("traffic-ai", "ev-charging", "parking-sensors", "bike-counter");
        assertThat(ranking).extracting(SolutionMatch::matchScore).containsExactly(100.0, 90.0, 90.0, 60.0);
        assertThat(ranking.get(3).reasons()).extracting(SolutionMatch.Reason::ruleId).contains("Rule_OverBudget", "Rule_CityTooSmall");
        assertThat(ranking.get(3).reasons()).extracting(SolutionMatch.Reason::points).containsExactly(40.0, 0.0, 0.0, 10.0, 10.0);
        assertThat(records.forSubject(Decisions.SUBJECT_NEED, needId)).as("every solution evaluated is recorded")
                .hasSize(CATALOGUE.size())
                .extracting(r -> r.actor()).containsExactlyInAnyOrder("parking-sensors", "traffic-ai", "smart-grid", "bike-counter", "ev-charging");
    }

    @Test
    void alertsTheSuppliersOfSolutionsScoringAtLeastSeventy() {
        CityNeed challenge = new CityNeed("challenge-" + UUID.randomUUID(), "mobility", new BigDecimal("100000"), 80_000L, true,
                "pre-commercial");

        assertThat(matching.suppliersToAlert(challenge, CATALOGUE)).containsExactly("urbansense", "greengrid", "parkflow");

        CityNeed energy = new CityNeed("challenge-" + UUID.randomUUID(), "energy", new BigDecimal("10000"), 5_000L, false, "framework");
        // smart-grid: 40 + 0 (over budget) + 15 + 10 + 10 = 75
        assertThat(matching.suppliersToAlert(energy, CATALOGUE)).containsExactly("greengrid");
    }

    @Test
    void aBadSolutionInTheCatalogueFailsTheWholeRankingAndRecordsNothing() {
        String needId = "need-" + UUID.randomUUID();
        CityNeed need = new CityNeed(needId, "mobility", new BigDecimal("100000"), 80_000L, true, "pre-commercial");
        List<CatalogueSolution> catalogue = List.of(CATALOGUE.get(0),
                new CatalogueSolution("no-price", "parkflow", "mobility", null, 1L, false, "any"));
        long before = records.count();

        assertThatThrownBy(() -> matching.rank(need, catalogue))
                .isInstanceOf(DecisionInputException.class).hasMessageContaining("'solutionPrice' is missing");
        assertThat(records.count()).isEqualTo(before);
    }

    @Test
    void camundaDeploysNoDecisionTables() {
        assertThat(camundaRepository.createDecisionDefinitionQuery().count()).isZero();
        assertThat(camundaRepository.createDecisionRequirementsDefinitionQuery().count()).isZero();
    }
}
