package eu.smartcity.accelerator.scoring;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the {@code eligibility} table needs about one application, its challenge and its cycle.
 * Every field is required: a missing value is an error naming it, never a default.
 */
public record EligibilityFacts(
        Boolean legalEntity,
        String country,
        Boolean inProgrammeArea,
        Integer employees,
        BigDecimal requestedBudget,
        BigDecimal budgetCap,
        Integer trl,
        Integer minTrl,
        Boolean declarationsSigned,
        Boolean interoperable,
        Boolean requireLegalEntity,
        Boolean requireInteroperable) {

    /** The decision inputs under the names of docs/process-contracts.md (nulls kept, so the check names them). */
    public Map<String, Object> toInputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("legalEntity", legalEntity);
        inputs.put("country", country);
        inputs.put("inProgrammeArea", inProgrammeArea);
        inputs.put("employees", employees);
        inputs.put("requestedBudget", requestedBudget);
        inputs.put("budgetCap", budgetCap);
        inputs.put("trl", trl);
        inputs.put("minTrl", minTrl);
        inputs.put("declarationsSigned", declarationsSigned);
        inputs.put("interoperable", interoperable);
        inputs.put("requireLegalEntity", requireLegalEntity);
        inputs.put("requireInteroperable", requireInteroperable);
        return inputs;
    }
}
