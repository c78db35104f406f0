package eu.smartcity.accelerator.scoring;

import eu.smartcity.accelerator.workflow.DecisionAudit;
import eu.smartcity.accelerator.workflow.DecisionEvaluationException;
import eu.smartcity.accelerator.workflow.DecisionResult;
import eu.smartcity.accelerator.workflow.DecisionService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matches catalogue solutions to a city's need with the {@code solution-matching} table, one
 * evaluation per solution, each recorded under the need (actor = the solution id).
 *
 * <p><b>Ranking</b>: only solutions in the need's domain ({@value #SAME_DOMAIN_RULE} matched) are
 * listed, ordered by the higher {@code matchScore} (sum of the matched rows' points, 0–100), then
 * the lower price, then the solution id.
 *
 * <p><b>Supplier alerts</b> when a challenge is published: the suppliers with at least one listed
 * solution scoring at least {@value #ALERT_THRESHOLD}, in ranking order, each once.
 */
@Service
public class SolutionMatching {

    public static final String SAME_DOMAIN_RULE = "Rule_SameDomain";
    public static final double ALERT_THRESHOLD = 70;
    /** The procurement route that stands for "any route" (a supplier offering every route, a city taking any). */
    public static final String ANY_ROUTE = "any";
    /** The points of the best possible match; the table gives at most one row of each group (see the table's comment). */
    public static final double MAX_SCORE = 100;

    private final DecisionService decisions;

    SolutionMatching(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** Evaluates one solution against the need and records it; also for solutions outside the domain. */
    @Transactional
    public SolutionMatch match(CityNeed need, CatalogueSolution solution) {
        DecisionResult result = decisions.evaluateAndRecord(Decisions.SOLUTION_MATCHING, inputs(need, solution),
                new DecisionAudit(Decisions.SUBJECT_NEED, need.needId(), null, solution.solutionId()));
        if (result.outputs().size() != result.matchedRules().size()) {
            throw new DecisionEvaluationException("Decision '" + Decisions.SOLUTION_MATCHING + "' v" + result.decisionVersion()
                    + " gave " + result.outputs().size() + " rows for " + result.matchedRules().size() + " matched rules");
        }
        double score = 0;
        List<SolutionMatch.Reason> reasons = new ArrayList<>();
        // COLLECT keeps the matched rows in rule order: row i answered for matched rule i
        for (int i = 0; i < result.outputs().size(); i++) {
            double points = ((Number) result.outputs().get(i).get("matchScore")).doubleValue();
            score += points;
            reasons.add(new SolutionMatch.Reason(result.matchedRules().get(i).ruleId(), points));
        }
        if (score < 0 || score > MAX_SCORE) {
            // the table promises 0-100; a table edited so that two rows of a group hold must not pass unnoticed
            throw new DecisionEvaluationException("Decision '" + Decisions.SOLUTION_MATCHING + "' v" + result.decisionVersion()
                    + " gave " + score + " points, outside 0-" + MAX_SCORE + ", for rules " + result.matchedRules());
        }
        List<String> ruleIds = result.matchedRules().stream().map(DecisionResult.MatchedRule::ruleId).toList();
        return new SolutionMatch(solution, score, ruleIds.contains(SAME_DOMAIN_RULE), reasons, ruleIds,
                result.decisionVersion());
    }

    /** The solutions that match the need, best first (see the class comment). All or none are recorded. */
    @Transactional
    public List<SolutionMatch> rank(CityNeed need, List<CatalogueSolution> solutions) {
        return solutions.stream()
                .map(solution -> match(need, solution))
                .filter(SolutionMatch::sameDomain)
                .sorted(Comparator.comparingDouble(SolutionMatch::matchScore).reversed()
                        .thenComparing(m -> m.solution().price())
                        .thenComparing(m -> m.solution().solutionId()))
                .toList();
    }

    /** Which suppliers to alert when the challenge behind this need is published. */
    @Transactional
    public Set<String> suppliersToAlert(CityNeed need, List<CatalogueSolution> solutions) {
        return alerts(need, solutions).keySet();
    }

    /** The suppliers to alert (as {@link #suppliersToAlert}), each with its solutions scoring at least the threshold, best first. */
    @Transactional
    public Map<String, List<SolutionMatch>> alerts(CityNeed need, List<CatalogueSolution> solutions) {
        Map<String, List<SolutionMatch>> bySupplier = new LinkedHashMap<>();
        for (SolutionMatch match : rank(need, solutions)) {
            if (match.matchScore() >= ALERT_THRESHOLD) {
                bySupplier.computeIfAbsent(match.solution().supplierId(), s -> new ArrayList<>()).add(match);
            }
        }
        return bySupplier;
    }

    static Map<String, Object> inputs(CityNeed need, CatalogueSolution solution) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("domain", need.domain());
        inputs.put("budget", need.budget());
        inputs.put("population", need.population());
        inputs.put("dataAvailable", need.dataAvailable());
        inputs.put("procurementRoute", need.procurementRoute());
        inputs.put("solutionDomain", solution.domain());
        inputs.put("solutionPrice", solution.price());
        inputs.put("solutionMinPopulation", solution.minPopulation());
        inputs.put("solutionNeedsData", solution.needsCityData());
        inputs.put("solutionRoute", solution.procurementRoute());
        inputs.put("solutionOffersAnyRoute", ANY_ROUTE.equals(solution.procurementRoute()));
        return inputs;
    }
}
