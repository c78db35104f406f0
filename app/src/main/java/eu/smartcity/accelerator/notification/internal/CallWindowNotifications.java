package eu.smartcity.accelerator.notification.internal;

import eu.smartcity.accelerator.application.ApplicationDrafts;
import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.notification.NotificationKind;
import eu.smartcity.accelerator.shared.UserMessages;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A call was extended or closed early: every company that applied to it and every company holding a draft for it
 * gets one mail per person, in their language, with the old and the new closing date and the coordinator's reason
 * (a draft-holder of a call closed early can no longer submit: it must hear of it). Recorded in the change's
 * transaction (the event is published synchronously).
 */
@Component
class CallWindowNotifications {

    private final NotificationRecorder recorder;
    private final Recipients recipients;
    private final Applications applications;
    private final ApplicationDrafts drafts;
    private final MessageSource messages;

    CallWindowNotifications(NotificationRecorder recorder, Recipients recipients, Applications applications,
            ApplicationDrafts drafts, MessageSource messages) {
        this.recorder = recorder;
        this.recipients = recipients;
        this.applications = applications;
        this.drafts = drafts;
        this.messages = messages;
    }

    @EventListener
    void onCallWindowChanged(Challenges.CallWindowChanged event) {
        Challenges.CallWindowChange change = event.change();
        NotificationKind kind = change.kind() == Challenges.CallWindowChange.Kind.EXTENDED ? NotificationKind.CALL_EXTENDED
                : NotificationKind.CALL_CLOSED_EARLY;
        Set<String> companies = new TreeSet<>(drafts.holdersOf(event.challengeId()));
        applications.receivedBy(event.challengeId()).forEach(a -> companies.add(a.companyGroup()));
        for (String company : companies) {
            recorder.record(kind, null, change.id().toString(), recipients.ofGroup(company),
                    event.title(), "/challenges/" + event.challengeId(), locale -> detail(kind, change, locale));
        }
    }

    private String detail(NotificationKind kind, Challenges.CallWindowChange change, Locale locale) {
        return messages.getMessage("notification." + kind.key() + ".detail", new Object[] {
                UserMessages.dateTime(change.closesBefore(), locale), UserMessages.dateTime(change.closesAfter(), locale),
                change.reason()}, locale);
    }
}
