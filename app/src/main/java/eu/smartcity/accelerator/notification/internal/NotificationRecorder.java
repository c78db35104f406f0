package eu.smartcity.accelerator.notification.internal;

import eu.smartcity.accelerator.notification.NotificationKind;
import eu.smartcity.accelerator.notification.internal.Recipients.Recipient;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes one {@link Notification} per recipient, rendered from the {@code i18n/notifications} templates in
 * the recipient's language, inside the caller's (business) transaction: if the business step rolls back,
 * so does its mail; if it commits, the mail is there to be sent. Nothing is sent here.
 */
@Component
public class NotificationRecorder {

    private static final Logger log = LoggerFactory.getLogger(NotificationRecorder.class);

    private final NotificationRepository notifications;
    private final NotificationOptOutRepository optOuts;
    private final MessageSource messages;
    private final String baseUrl;
    private final Clock clock = Clock.systemUTC();

    NotificationRecorder(NotificationRepository notifications, NotificationOptOutRepository optOuts, MessageSource messages,
            @Value("${accelerator.public-base-url:http://localhost:8080}") String baseUrl) {
        this.notifications = notifications;
        this.optOuts = optOuts;
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * @param variant   picks a template variant ({@code eligible}/{@code ineligible}), or null
     * @param eventRef  what happened, once (a task id, a process instance id): with kind and recipient it is
     *                  the dedup key, so the same event never creates two mails for one person
     * @param title     the subject of the mail (challenge title), may be empty
     * @param detail    extra text (a decline reason), may be empty
     * @return how many notifications were recorded
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int record(NotificationKind kind, String variant, String eventRef, Collection<Recipient> recipients, String title,
            String detail) {
        return record(kind, variant, eventRef, recipients, title, link(kind), locale -> detail);
    }

    /**
     * As above, with the link's path (from the base URL) and a detail worded in each recipient's language.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int record(NotificationKind kind, String variant, String eventRef, Collection<Recipient> recipients, String title,
            String linkPath, Function<Locale, String> detailIn) {
        Map<String, Recipient> distinct = new LinkedHashMap<>();
        recipients.forEach(r -> distinct.putIfAbsent(r.userId(), r));
        distinct.values().removeIf(recipient -> {
            boolean noAddress = recipient.email() == null || recipient.email().isBlank();
            if (noAddress) {
                log.info("No {} mail for {}: no e-mail address", kind, recipient.userId());
            }
            return noAddress;
        });
        // one query each for all the recipients (not two per recipient): the process start of the deadline rush;
        // for one recipient, the single-valued form (Hibernate reuses its SQL; a list parameter is translated every time)
        if (kind.optional() && !distinct.isEmpty()) {
            (distinct.size() == 1 ? optOuts.optedOut(kind, distinct.keySet().iterator().next())
                    : optOuts.optedOut(kind, distinct.keySet())).forEach(distinct::remove);
        }
        Map<String, Recipient> byDedupKey = new LinkedHashMap<>();
        distinct.values().forEach(r -> byDedupKey.put(kind.key() + ":" + eventRef + ":" + r.userId(), r));
        if (!byDedupKey.isEmpty()) {
            (byDedupKey.size() == 1 ? notifications.findDedupKey(byDedupKey.keySet().iterator().next())
                    : notifications.findDedupKeysIn(byDedupKey.keySet())).forEach(byDedupKey::remove);
        }
        int recorded = 0;
        for (Map.Entry<String, Recipient> entry : byDedupKey.entrySet()) {
            Recipient recipient = entry.getValue();
            String detail = detailIn.apply(recipient.locale());
            notifications.save(render(kind, variant, entry.getKey(), recipient, title == null ? "" : title, linkPath,
                    detail == null ? "" : detail));
            recorded++;
        }
        return recorded;
    }

    private Notification render(NotificationKind kind, String variant, String dedupKey, Recipient recipient, String title,
            String linkPath, String detail) {
        String prefix = "notification." + kind.key() + (variant == null ? "" : "." + variant);
        String link = baseUrl + linkPath;
        if (title.isBlank()) {
            title = messages.getMessage("notification.untitled", null, recipient.locale());
        }
        String name = recipient.firstName() == null ? recipient.userId() : recipient.firstName();
        String subject = messages.getMessage(prefix + ".subject", new Object[] {title}, recipient.locale());
        String body = messages.getMessage(prefix + ".body", new Object[] {name, title, link, detail}, recipient.locale())
                + "\n\n-- \n"
                + messages.getMessage(kind.optional() ? "notification.footer.optional" : "notification.footer.mandatory",
                        new Object[] {baseUrl + "/account/notifications"}, recipient.locale());
        return new Notification(dedupKey, kind, recipient.userId(), recipient.email(), recipient.locale().getLanguage(),
                subject.length() > 300 ? subject.substring(0, 300) : subject, body, clock.instant());
    }

    private static String link(NotificationKind kind) {
        return switch (kind) {
            case APPLICATION_RECEIVED, ELIGIBILITY_RESULT, SELECTION_RESULT, CHALLENGE_ENDED -> "/applications";
            default -> "/tasks";
        };
    }
}
