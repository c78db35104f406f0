package eu.smartcity.accelerator.identity;

import java.util.List;
import java.util.Optional;

/**
 * Roles and organisations managed in the portal (coordinators only): who holds which role for which organisation,
 * a role given or taken, an officer moved to another city, an account deactivated (no login). Each change
 * returns the message key of why it was refused, or empty.
 */
public interface People {

    /** The roles managed here (companies register themselves; integrations are set up by administrators). */
    List<String> MANAGED_ROLES = List.of(Roles.COORDINATORS, Roles.CITY_OFFICERS, Roles.JURY);

    record Person(String userId, String firstName, String lastName, String email, List<String> roles,
            String organisation, boolean deactivated) {}

    /** Everyone, by organisation (none last) then user id. */
    List<Person> all();

    /** The user, with roles and organisation; empty when there is no such user (read by the privacy module's export and erasure). */
    Optional<Person> find(String userId);

    /** The cities (organisation groups {@code city-…}). */
    List<String> cities();

    /** A new city organisation ({@code city-<slug of the name>}); refused when the name is malformed or taken. */
    Optional<String> addCity(String actor, String name);

    Optional<String> addRole(String actor, String userId, String role);

    Optional<String> removeRole(String actor, String userId, String role);

    /** The user becomes an officer of that city (and of no other). */
    Optional<String> moveToCity(String actor, String userId, String cityGroup);

    Optional<String> setActive(String actor, String userId, boolean active);

    boolean deactivated(String userId);
}
