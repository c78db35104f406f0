package eu.smartcity.accelerator.workflow;

import java.util.List;
import java.util.Map;

/**
 * What a decision table answered: one output row per matched rule (in hit-policy order),
 * the ids and annotations of the matched rules, and which version of the table answered.
 */
public record DecisionResult(
        String decisionKey,
        int decisionVersion,
        List<Map<String, Object>> outputs,
        List<MatchedRule> matchedRules) {

    public record MatchedRule(String ruleId, int ruleNumber, String annotation) {}

    public DecisionResult {
        outputs = List.copyOf(outputs);
        matchedRules = List.copyOf(matchedRules);
    }

    /** The single output row of a UNIQUE/FIRST table, or an empty map when no rule matched. */
    public Map<String, Object> singleOutput() {
        if (outputs.size() > 1) {
            throw new IllegalStateException(decisionKey + " returned " + outputs.size() + " rows where one was expected");
        }
        return outputs.isEmpty() ? Map.of() : outputs.get(0);
    }
}
