package eu.smartcity.accelerator.scoring;

import java.util.List;

/**
 * How one solution matches one need: the sum of the points of every matched row of
 * {@code solution-matching} (0–100), whether the domain row held (only then is it a match), and
 * every matched row in table order (its rule id — pages word it from the message bundle — and its points).
 */
public record SolutionMatch(CatalogueSolution solution, double matchScore, boolean sameDomain, List<Reason> reasons,
        List<String> matchedRuleIds, int decisionVersion) {

    /** One matched row: which rule held and the points it gave. */
    public record Reason(String ruleId, double points) {}

    public SolutionMatch {
        reasons = List.copyOf(reasons);
        matchedRuleIds = List.copyOf(matchedRuleIds);
    }
}
