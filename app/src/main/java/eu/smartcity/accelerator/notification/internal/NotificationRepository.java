package eu.smartcity.accelerator.notification.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NotificationRepository extends JpaRepository<Notification, UUID> {

    /** Which of these dedup keys are taken: one query for all the recipients of an event. */
    @Query("select n.dedupKey from Notification n where n.dedupKey in :keys")
    List<String> findDedupKeysIn(@Param("keys") Collection<String> keys);

    /** The same for one key, the common case: translated to SQL once, unlike a list parameter (NotificationOptOutRepository#optedOut). */
    @Query("select n.dedupKey from Notification n where n.dedupKey = :key")
    List<String> findDedupKey(@Param("key") String key);

    /**
     * Ready to send: pending and due, or claimed by a sender whose lease ran out (it crashed). No parentheses around the
     * two alternatives ({@code and} binds before {@code or}): nested parentheses in a predicate cost the HQL parsers
     * (Spring Data's and Hibernate's, both ANTLR) a long look-ahead at every start (docs/performance.md, "Start-up: ...").
     */
    @Query("""
            select n.id from Notification n
            where n.status = 'PENDING' and n.nextAttemptAt <= :now or n.status = 'SENDING' and n.lockedUntil < :now
            order by n.nextAttemptAt""")
    List<UUID> findDue(@Param("now") Instant now, Pageable page);

    /**
     * Claims one notification for this sender: a conditional update, so of two nodes (or two threads)
     * only one sees 1 row changed; the other skips it. The lease lets another node take over after a crash. The same
     * two alternatives as {@link #findDue}, each with the id, without parentheses (see there).
     */
    @Modifying
    @Query("""
            update Notification n set n.status = 'SENDING', n.lockedUntil = :lease, n.attempts = n.attempts + 1
            where n.id = :id and n.status = 'PENDING' and n.nextAttemptAt <= :now
               or n.id = :id and n.status = 'SENDING' and n.lockedUntil < :now""")
    int claim(@Param("id") UUID id, @Param("now") Instant now, @Param("lease") Instant lease);

    @Modifying
    @Query("update Notification n set n.status = 'SENT', n.sentAt = :now, n.lockedUntil = null, n.lastError = null "
            + "where n.id = :id and n.status = 'SENDING'")
    int markSent(@Param("id") UUID id, @Param("now") Instant now);

    @Modifying
    @Query("update Notification n set n.status = :status, n.nextAttemptAt = :next, n.lockedUntil = null, n.lastError = :error "
            + "where n.id = :id and n.status = 'SENDING'")
    int markFailed(@Param("id") UUID id, @Param("status") Notification.Status status, @Param("next") Instant next,
            @Param("error") String error);

    /*
     * Every mail not delivered yet, by where it stands, newest first. (The coordinators' page once listed only mails
     * with a failed attempt in PENDING or FAILED, which hid a fresh outage: the mails queued behind the first failure,
     * and those in the middle of an attempt, were not shown, and the page said every mail was delivered.)
     */

    /** In the sender's hands after a failed attempt: tried again at {@code nextAttemptAt}. */
    @Query("select n from Notification n where n.status in ('PENDING', 'SENDING') and n.lastError is not null order by n.createdAt desc")
    List<Notification> findRetrying(Pageable page);

    @Query("select n from Notification n where n.status = 'FAILED' order by n.createdAt desc")
    List<Notification> findGivenUp(Pageable page);

    /** Not tried yet, or being sent for the first time. */
    @Query("select n from Notification n where n.status in ('PENDING', 'SENDING') and n.lastError is null order by n.createdAt desc")
    List<Notification> findWaiting(Pageable page);

    /** Given up after the last attempt: waits for a coordinator's "send again". */
    @Query("select count(n) from Notification n where n.status = 'FAILED'")
    long countGivenUp();

    /** In the sender's hands, no attempt failed yet (queued, or being sent for the first time). */
    @Query("select count(n) from Notification n where n.status in ('PENDING', 'SENDING') and n.lastError is null")
    long countWaiting();

    /** In the sender's hands after a failed attempt: tried again later. */
    @Query("select count(n) from Notification n where n.status in ('PENDING', 'SENDING') and n.lastError is not null")
    long countRetrying();

    /** A coordinator sends a given-up mail again: back to pending, due now, with a fresh set of attempts. */
    @Modifying
    @Query("update Notification n set n.status = 'PENDING', n.attempts = 0, n.nextAttemptAt = :now where n.id = :id and n.status = 'FAILED'")
    int retry(@Param("id") UUID id, @Param("now") Instant now);

    @Modifying
    @Query("delete from Notification n where n.status = 'SENT' and n.sentAt < :before")
    int deleteSentBefore(@Param("before") Instant before);
}
