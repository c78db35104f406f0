package eu.smartcity.accelerator.marketplace.catalogue;

import eu.smartcity.accelerator.marketplace.web.Chosen;
import eu.smartcity.accelerator.marketplace.web.Chosen.Vocabulary;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/** A city's answers to the guided filter: its domain, budget, population, whether it has the data, and its route. */
record GuidedForm(
        @Chosen(value = Vocabulary.DOMAINS, message = "market.guided.domainProblem") String domain,
        @NotNull(message = "market.error.positiveNumber") @Positive(message = "market.error.positiveNumber")
        @DecimalMax(value = "1000000000", inclusive = false, message = "market.error.positiveNumber") BigDecimal budget,
        @NotNull(message = "market.error.positiveNumber") @Positive(message = "market.error.positiveNumber")
        @DecimalMax(value = "1000000000", inclusive = false, message = "market.error.positiveNumber") BigDecimal population,
        Boolean dataAvailable,
        @Chosen(value = Vocabulary.ROUTES, message = "market.guided.routeProblem") String route) {

    Catalogue.GuidedAnswers answers() {
        return new Catalogue.GuidedAnswers(domain, budget, population.longValue(), Boolean.TRUE.equals(dataAvailable), route);
    }
}
