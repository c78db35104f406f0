package eu.smartcity.accelerator.privacy;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** What a coordinator's task about an erasure request shows: whose request, when asked, decided by when, why. */
public interface ErasureRequestFacts {

    /**
     * @param person the person's name and user id as the account says, or null once erased
     * @param reason what they wrote, or null
     */
    record Facts(UUID id, String title, String person, String email, Instant requestedAt, Instant dueAt, String reason) {}

    /** The request, or empty when there is none (or it was erased and its row no longer names anyone). */
    Optional<Facts> of(UUID requestId);
}
