package eu.smartcity.accelerator.notification.internal;

import eu.smartcity.accelerator.notification.NotificationDispatcher;
import eu.smartcity.accelerator.notification.NotificationReminders;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the sender on every node (safe and parallel: a notification is claimed by one node only) and the
 * reminders with the purge on one node at a time (ShedLock row {@code notification-reminders}: the reminder's
 * task query is the costly part, and is needed once per cluster, not once per node). Off with {@code accelerator.notifications.scheduling.enabled=false}
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
    // held at least 50 minutes: nodes started at different times still remind once an hour between them
    @SchedulerLock(name = "notification-reminders", lockAtMostFor = "PT55M", lockAtLeastFor = "PT50M")
    public void remindAndPurge() {
        reminders.remindJury(Instant.now());
        reminders.remindDeadlines(Instant.now());
        dispatcher.purgeSent(Instant.now());
    }
}
