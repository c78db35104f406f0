package eu.smartcity.accelerator.marketplace;

import java.util.List;

/** The closed lists of the catalogue: domains, price models and procurement routes (ids; labels in i18n/marketplace). */
public final class MarketplaceVocabulary {

    public static final List<String> DOMAINS = List.of("mobility", "parking", "energy", "waste", "environment",
            "public-space", "citizen-participation", "water", "safety", "health", "other");
    public static final List<String> PRICE_MODELS = List.of("subscription", "licence", "one-off", "pay-per-use", "open-source");
    public static final List<String> ROUTES = List.of("any", "pre-commercial", "innovation-partnership", "framework", "open-tender");
    public static final List<String> DOCUMENT_KINDS = List.of("template", "past-contract");

    private MarketplaceVocabulary() {}
}
