package eu.smartcity.accelerator.notification;

import java.util.Collection;

/**
 * User tasks with a bylaws deadline that a module this one cannot depend on contributes to the deadline reminders
 * ({@link NotificationReminders#remindDeadlines}): the marketplace's join approval, for instance.
 */
public interface DeadlineSteps {

    /** Task definition keys whose open tasks get one DEADLINE_REMINDER before they are due. */
    Collection<String> userTaskIds();
}
