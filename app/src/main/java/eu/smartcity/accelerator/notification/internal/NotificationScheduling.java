package eu.smartcity.accelerator.notification.internal;

import eu.smartcity.accelerator.notification.NotificationDispatcher;
import eu.smartcity.accelerator.notification.NotificationReminders;
import java.time.Instant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the sender and the reminders on every node (safe: a notification is claimed by one node only, a
 * reminder is recorded once per task). Off with {@code accelerator.notifications.scheduling.enabled=false}
 * (tests drive them directly).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "accelerator.notifications.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class NotificationScheduling {

    private final NotificationDispatcher dispatcher;
    private final NotificationReminders reminders;

    NotificationScheduling(NotificationDispatcher dispatcher, NotificationReminders reminders) {
        this.dispatcher = dispatcher;
        this.reminders = reminders;
    }

    @Scheduled(initialDelayString = "PT20S", fixedDelayString = "${accelerator.notifications.send-interval:PT10S}")
    void send() {
        dispatcher.sendDue(Instant.now());
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${accelerator.notifications.reminder-interval:PT1H}")
    void remindAndPurge() {
        reminders.remindJury(Instant.now());
        dispatcher.purgeSent(Instant.now());
    }
}
