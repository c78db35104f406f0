package eu.smartcity.accelerator.scoring;

import java.util.LinkedHashMap;
import java.util.Map;

/** One jury member's scores for one application, each from 0 to 10 (decimals allowed). */
public record CriterionScores(Double fit, Double innovation, Double team, Double price, Double replicability,
        Double openDataUse) {

    public static CriterionScores of(double fit, double innovation, double team, double price, double replicability,
            double openDataUse) {
        return new CriterionScores(fit, innovation, team, price, replicability, openDataUse);
    }

    /** From scores keyed as in {@link #toInputs()} (a juror's marks as stored or submitted). */
    public static CriterionScores of(Map<String, ? extends Number> byCriterion) {
        return of(byCriterion.get("fit").doubleValue(), byCriterion.get("innovation").doubleValue(),
                byCriterion.get("team").doubleValue(), byCriterion.get("price").doubleValue(),
                byCriterion.get("replicability").doubleValue(), byCriterion.get("openDataUse").doubleValue());
    }

    public Map<String, Object> toInputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("fit", fit);
        inputs.put("innovation", innovation);
        inputs.put("team", team);
        inputs.put("price", price);
        inputs.put("replicability", replicability);
        inputs.put("openDataUse", openDataUse);
        return inputs;
    }
}
