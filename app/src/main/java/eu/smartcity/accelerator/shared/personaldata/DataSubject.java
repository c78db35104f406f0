package eu.smartcity.accelerator.shared.personaldata;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The person whose data is exported or erased: their user id and what identifies them in free text.
 *
 * @param userId the account's id (Camunda user id)
 * @param email their e-mail address, or null when unknown
 * @param names their first and last name (non-blank parts only), matched in free text
 * @param organisationIds the organisations (groups) they act for: kept records keep the organisation, lose the person
 * @param pseudonym what replaces the user id in records that must be kept (e.g. {@code erased-3f9a1c0b}); the same
 *                  for every holder of one erasure, and never linked back to the user id anywhere
 */
public record DataSubject(String userId, String email, List<String> names, List<String> organisationIds, String pseudonym) {

    public DataSubject {
        Objects.requireNonNull(userId, "userId");
        names = List.copyOf(names);
        organisationIds = List.copyOf(organisationIds);
    }

    /** The e-mail address as stored addresses are compared (trimmed, lower case); "" when unknown, which no stored address equals. */
    public String emailKey() {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
