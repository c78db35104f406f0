package eu.smartcity.accelerator.scoring;

import java.math.BigDecimal;

/**
 * What a city looks for: a challenge being published, or a marketplace search. {@code needId} files
 * the evaluation records (a challenge id or a search id); {@code procurementRoute} is the city's
 * preferred route (e.g. {@code pre-commercial}, {@code innovation-partnership}, {@code framework}).
 */
public record CityNeed(String needId, String domain, BigDecimal budget, Long population, Boolean dataAvailable,
        String procurementRoute) {}
