package eu.smartcity.accelerator.identity;

/**
 * Role groups (Camunda group type {@value #ROLE_TYPE}). A user's organisation is a second group of
 * type {@value #ORGANISATION_TYPE} ({@code city-mechelen}, {@code company-urbansense}). Spring
 * Security authorities are the group ids, so {@code hasAuthority(Roles.COORDINATORS)} reads as it says.
 */
public final class Roles {

    public static final String ROLE_TYPE = "role";
    public static final String ORGANISATION_TYPE = "organisation";

    public static final String COORDINATORS = "coordinators";
    public static final String CITY_OFFICERS = "city-officers";
    public static final String COMPANIES = "companies";
    public static final String JURY = "jury";
    /** Systems that read the engine's state through {@code /engine-rest} (GET only); no portal pages. */
    public static final String INTEGRATIONS = "integrations";
    /** Camunda's built-in administrators group; coordinators are members. */
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    private Roles() {}
}
