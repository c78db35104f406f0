package eu.smartcity.accelerator.notification.internal;

import eu.smartcity.accelerator.notification.NotificationDispatcher;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the sender on every node (safe and parallel: a notification is claimed by one node only) and the
 * reminders with the purge on one node at a time ({@link RemindersOncePerCluster}). Off with
 * {@code accelerator.notifications.scheduling.enabled=false} (tests drive them directly), read when the app runs: the
 * image's Spring AOT start fixes bean conditions when the jar is built.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationScheduling {

    private final NotificationDispatcher dispatcher;
    private final RemindersOncePerCluster reminders;
    private final boolean enabled;

    NotificationScheduling(NotificationDispatcher dispatcher, RemindersOncePerCluster reminders,
            @Value("${accelerator.notifications.scheduling.enabled:true}") boolean enabled) {
        this.dispatcher = dispatcher;
        this.reminders = reminders;
        this.enabled = enabled;
    }

    @Scheduled(initialDelayString = "PT20S", fixedDelayString = "${accelerator.notifications.send-interval:PT10S}")
    void send() {
        if (enabled) {
            dispatcher.sendDue(Instant.now());
        }
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${accelerator.notifications.reminder-interval:PT1H}")
    void remindAndPurge() {
        if (enabled) {
            reminders.remindAndPurge();
        }
    }
}
