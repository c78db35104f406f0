package eu.smartcity.accelerator.marketplace.catalogue;

import eu.smartcity.accelerator.marketplace.web.Chosen;
import eu.smartcity.accelerator.marketplace.web.Chosen.Vocabulary;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** A supplier's solution as listed in the catalogue. */
record SolutionForm(
        @NotBlank(message = "market.error.required") @Size(max = 200, message = "market.error.tooLong") String name,
        @Chosen(Vocabulary.DOMAINS) String domain,
        @NotBlank(message = "market.error.required") @Size(max = 4000, message = "market.error.tooLong") String description,
        @NotNull(message = "market.solution.trlProblem") @Min(value = 1, message = "market.solution.trlProblem")
        @Max(value = 9, message = "market.solution.trlProblem") Integer trl,
        @Chosen(Vocabulary.PRICE_MODELS) String priceModel,
        @NotNull(message = "market.error.positiveNumber") @Positive(message = "market.error.positiveNumber")
        @DecimalMax(value = "1000000000", inclusive = false, message = "market.error.positiveNumber") BigDecimal indicativeCost,
        @NotNull(message = "market.error.zeroOrMore") @PositiveOrZero(message = "market.error.zeroOrMore") Long minPopulation,
        Boolean needsCityData,
        @Chosen(Vocabulary.ROUTES) String procurementRoute,
        @Size(max = 400, message = "market.error.tooLong") String standards,
        @Size(max = 400, message = "market.error.tooLong") String dataHosting,
        @Size(max = 1000, message = "market.error.tooLong") String gdpr,
        @Size(max = 100, message = "market.error.tooLong") String languages,
        @Size(max = 2000, message = "market.error.tooLong") String references) {

    Solution.Facts facts() {
        return new Solution.Facts(name, domain, description, trl, priceModel, indicativeCost, minPopulation,
                Boolean.TRUE.equals(needsCityData), procurementRoute, standards, dataHosting, gdpr, languages, references);
    }

    /** A listed solution's facts as the form shows them to edit. */
    static Map<String, String> shown(Solution.Facts f) {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("name", f.name());
        raw.put("domain", f.domain());
        raw.put("description", f.description());
        raw.put("trl", String.valueOf(f.trl()));
        raw.put("priceModel", f.priceModel());
        raw.put("indicativeCost", f.indicativeCost().toPlainString());
        raw.put("minPopulation", String.valueOf(f.minPopulation()));
        raw.put("needsCityData", String.valueOf(f.needsCityData()));
        raw.put("procurementRoute", f.procurementRoute());
        raw.put("standards", f.standards());
        raw.put("dataHosting", f.dataHosting());
        raw.put("gdpr", f.gdpr());
        raw.put("languages", f.languages());
        raw.put("references", f.references());
        return raw;
    }
}
