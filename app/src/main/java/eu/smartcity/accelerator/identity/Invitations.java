package eu.smartcity.accelerator.identity;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A coordinator invites a city officer (for one city) or a jury member (into one cycle's jury pool). The invitee
 * gets one mail in their language with a single-use link; following it they choose a name and password (or, with
 * an account already, log in and take the role). Problems are returned per field as message keys, or under
 * {@link #FORM}.
 */
public interface Invitations {

    String CITY_OFFICER = "CITY_OFFICER";
    String JURY = "JURY";
    String FORM = "form";
    /** The languages a jury member may work in. */
    Set<String> LANGUAGES = Set.of("en", "nl", "fr");

    enum Status { PENDING, ACCEPTED, REVOKED, EXPIRED }

    /** {@code cycleName} only words the mail; {@code expertise} is comma separated keywords. */
    record Request(String role, String email, Locale language, String cityGroup, UUID cycleId, String cycleName,
            Set<String> languages, String expertise) {}

    record Invitation(UUID id, String role, String email, String language, String cityGroup, UUID cycleId,
            Set<String> languages, List<String> expertise, String invitedBy, Instant createdAt, Instant expiresAt,
            Instant acceptedAt, String acceptedUserId, Instant revokedAt) {

        public Status status(Instant now) {
            if (acceptedAt != null) {
                return Status.ACCEPTED;
            }
            if (revokedAt != null) {
                return Status.REVOKED;
            }
            return now.isBefore(expiresAt) ? Status.PENDING : Status.EXPIRED;
        }
    }

    /** Checks the request and sends the invitation mail; empty when sent. */
    Map<String, String> invite(Request request, String coordinator);

    /** Every invitation, newest first. */
    List<Invitation> all();

    /** A new link (the old one stops working), valid afresh, mailed again; not for accepted or revoked ones. */
    Map<String, String> resend(UUID id, String cycleName);

    /** The link stops working; an accepted invitation stays accepted. */
    void revoke(UUID id);

    /** The pending invitation behind a link (not used, revoked or expired). */
    Optional<Invitation> open(String token);

    /** The user who already has the invitation's e-mail address, if any: they log in to accept. */
    Optional<String> accountOf(Invitation invitation);

    /** Creates the account in the invitation's groups; the link is used up. */
    Map<String, String> accept(String token, String userId, String firstName, String lastName, String password,
            String passwordAgain);

    /** The logged-in user, holding the invitation's e-mail address, takes the role; the link is used up. */
    Map<String, String> join(String token, String userId);

    /** Whether this client address followed too many dead links lately (as registration requests are limited). */
    boolean blocked(String clientAddress);

    /** A dead link was followed from this client address: counts towards {@link #blocked}. */
    void deadLinkFrom(String clientAddress);

    /** "Now" as the invitations see it (expiry). */
    Instant now();
}
