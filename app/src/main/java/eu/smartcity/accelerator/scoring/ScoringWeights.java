package eu.smartcity.accelerator.scoring;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A cycle's criterion weights as in its bylaws ({@code rules.yaml}): whole or decimal percentages
 * that add up to 100. Two cycles may weigh the same scores differently.
 */
public record ScoringWeights(String cycleId, double fit, double innovation, double team, double price,
        double replicability, double openDataUse) {

    public double total() {
        return fit + innovation + team + price + replicability + openDataUse;
    }

    public Map<String, Object> toInputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("weightFit", fit);
        inputs.put("weightInnovation", innovation);
        inputs.put("weightTeam", team);
        inputs.put("weightPrice", price);
        inputs.put("weightReplicability", replicability);
        inputs.put("weightOpenDataUse", openDataUse);
        return inputs;
    }
}
