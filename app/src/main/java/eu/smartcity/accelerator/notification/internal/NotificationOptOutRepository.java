package eu.smartcity.accelerator.notification.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NotificationOptOutRepository extends JpaRepository<NotificationOptOut, NotificationOptOut.Key> {

    @Query("select o from NotificationOptOut o where o.key.userId = :userId")
    List<NotificationOptOut> ofUser(@Param("userId") String userId);

    @Modifying
    @Query("delete from NotificationOptOut o where o.key.userId = :userId")
    void deleteOfUser(@Param("userId") String userId);
}
