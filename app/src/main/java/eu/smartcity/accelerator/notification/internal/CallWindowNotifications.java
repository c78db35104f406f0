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
 * A call was extended: every company that applied to it and every company holding a draft for it gets one mail
 * per person, in their language, with the old and the new closing date and the coordinator's reason. Recorded in
 * the extension's transaction (the event is published synchronously).
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
        if (change.kind() != Challenges.CallWindowChange.Kind.EXTENDED) {
            return;
        }
        Set<String> companies = new TreeSet<>(drafts.holdersOf(event.challengeId()));
        applications.receivedBy(event.challengeId()).forEach(a -> companies.add(a.companyGroup()));
        for (String company : companies) {
            recorder.record(NotificationKind.CALL_EXTENDED, null, change.id().toString(), recipients.ofGroup(company),
                    event.title(), "/challenges/" + event.challengeId(), locale -> detail(change, locale));
        }
    }

    private String detail(Challenges.CallWindowChange change, Locale locale) {
        return messages.getMessage("notification.call-extended.detail", new Object[] {
                UserMessages.dateTime(change.closesBefore(), locale), UserMessages.dateTime(change.closesAfter(), locale),
                change.reason()}, locale);
    }
}
