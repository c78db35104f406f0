package eu.smartcity.accelerator.notification.internal;

import eu.smartcity.accelerator.notification.NotificationDispatcher;
import eu.smartcity.accelerator.notification.NotificationReminders;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Component;

/**
 * The reminders and the purge, on one node at a time (ShedLock row {@code notification-reminders}: the reminder's task
 * query is the costly part, and is needed once per cluster, not once per node). Called by {@link NotificationScheduling}.
 */
@Component
class RemindersOncePerCluster {

    private final NotificationDispatcher dispatcher;
    private final NotificationReminders reminders;

    RemindersOncePerCluster(NotificationDispatcher dispatcher, NotificationReminders reminders) {
        this.dispatcher = dispatcher;
        this.reminders = reminders;
    }

    // held at least 50 minutes: nodes started at different times still remind once an hour between them
    @SchedulerLock(name = "notification-reminders", lockAtMostFor = "PT55M", lockAtLeastFor = "PT50M")
    public void remindAndPurge() {
        reminders.remindJury(Instant.now());
        reminders.remindDeadlines(Instant.now());
        dispatcher.purgeSent(Instant.now());
    }
}
