package eu.smartcity.accelerator.identity;

/**
 * Names of organisations (cities and companies are Camunda groups). Templates reach this bean as
 * {@code @organisations}: {@code ${@organisations.displayName(c.cityGroup)}}.
 */
public interface Organisations {

    /** The organisation's registered name, or its id when it has none: for records such as the OCDS feed. */
    String nameOf(String groupId);

    /**
     * The name a person reads, in their language: bundle key {@code organisation.<group id>} (Stad Brugge, Ville de
     * Bruges, City of Bruges), else the registered name (organisations registered later), else the id.
     */
    String displayName(String groupId);

    /** As {@link #displayName(String)}, in a given language (a document's rather than the request's). */
    String displayName(String groupId, java.util.Locale locale);

    /** Whether the company registered as a legal entity; empty when it registered before this was asked (demo companies). */
    java.util.Optional<Boolean> legalEntity(String groupId);
}
