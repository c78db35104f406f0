package eu.smartcity.accelerator.notification.internal;

import eu.smartcity.accelerator.notification.NotificationKind;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NotificationOptOutRepository extends JpaRepository<NotificationOptOut, NotificationOptOut.Key> {

    @Query("select o from NotificationOptOut o where o.key.userId = :userId")
    List<NotificationOptOut> ofUser(@Param("userId") String userId);

    /** Which of these users opted out of this kind: one query for all the recipients of an event. */
    @Query("select o.key.userId from NotificationOptOut o where o.key.kind = :kind and o.key.userId in :userIds")
    List<String> optedOut(@Param("kind") NotificationKind kind, @Param("userIds") Collection<String> userIds);

    /**
     * The same for one recipient, the common case (a company with one user): Hibernate translates a query with a list
     * parameter to SQL again at every call, one with single values only once (issue 19, the deadline rush).
     */
    @Query("select o.key.userId from NotificationOptOut o where o.key.kind = :kind and o.key.userId = :userId")
    List<String> optedOut(@Param("kind") NotificationKind kind, @Param("userId") String userId);

    @Modifying
    @Query("delete from NotificationOptOut o where o.key.userId = :userId")
    void deleteOfUser(@Param("userId") String userId);
}
