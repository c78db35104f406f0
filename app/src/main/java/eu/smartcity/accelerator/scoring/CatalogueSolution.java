package eu.smartcity.accelerator.scoring;

import java.math.BigDecimal;

/**
 * A solution in the catalogue, as matching needs it. {@code procurementRoute} is the route the
 * supplier offers it through, or {@code any}; {@code minPopulation} the smallest city it is proven for.
 */
public record CatalogueSolution(String solutionId, String supplierId, String domain, BigDecimal price,
        Long minPopulation, Boolean needsCityData, String procurementRoute) {}
