package eu.smartcity.accelerator.notification;

import eu.smartcity.accelerator.notification.internal.NotificationRecorder;
import eu.smartcity.accelerator.notification.internal.Recipients;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * For other modules that decide themselves whom to tell (the marketplace's supplier alerts): records one
 * mail per member of a group in the caller's transaction, in each member's language, skipping those who
 * switched the kind off; the same event never gives one person two mails. Sent later by the dispatcher.
 */
@Service
public class NotificationOutbox {

    private final NotificationRecorder recorder;
    private final Recipients recipients;

    NotificationOutbox(NotificationRecorder recorder, Recipients recipients) {
        this.recorder = recorder;
        this.recipients = recipients;
    }

    /**
     * @param eventRef what happened, once (e.g. a challenge id): with kind and user the dedup key
     * @param linkPath the page the mail links to, from the portal's base URL ({@code /challenges/…})
     * @param detail   the variable part of the body, worded in the recipient's language
     * @return how many mails were recorded
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int toGroup(NotificationKind kind, String eventRef, String groupId, String title, String linkPath,
            Function<Locale, String> detail) {
        return recorder.record(kind, null, eventRef, recipients.ofGroup(groupId), title, linkPath, detail);
    }

    /** As {@link #toGroup}, leaving out the members of {@code exceptGroupId} (the city that made the offer). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int toGroupExcept(NotificationKind kind, String eventRef, String groupId, String exceptGroupId, String title,
            String linkPath, Function<Locale, String> detail) {
        java.util.Set<String> except = new java.util.HashSet<>();
        recipients.ofGroup(exceptGroupId).forEach(r -> except.add(r.userId()));
        return recorder.record(kind, null, eventRef, recipients.ofGroup(groupId).stream().filter(r -> !except.contains(r.userId()))
                .toList(), title, linkPath, detail);
    }

    /** As {@link #toGroup}, to one person (a warning about their own account). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int toUser(NotificationKind kind, String eventRef, String userId, String title, String linkPath,
            Function<Locale, String> detail) {
        return recorder.record(kind, null, eventRef, recipients.ofUser(userId), title, linkPath, detail);
    }
}
