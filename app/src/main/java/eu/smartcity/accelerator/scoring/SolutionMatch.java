package eu.smartcity.accelerator.scoring;

import java.util.List;

/**
 * How one solution matches one need: the sum of the points of every matched row of
 * {@code solution-matching} (0–100), whether the domain row held (only then is it a match), and
 * every row's reason in table order.
 */
public record SolutionMatch(CatalogueSolution solution, double matchScore, boolean sameDomain, List<String> reasons,
        List<String> matchedRuleIds, int decisionVersion) {

    public SolutionMatch {
        reasons = List.copyOf(reasons);
        matchedRuleIds = List.copyOf(matchedRuleIds);
    }
}
