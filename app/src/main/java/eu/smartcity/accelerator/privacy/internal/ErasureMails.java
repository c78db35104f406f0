package eu.smartcity.accelerator.privacy.internal;

import eu.smartcity.accelerator.identity.Contacts;
import eu.smartcity.accelerator.identity.Contacts.Contact;
import eu.smartcity.accelerator.shared.DirectMail;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The mails of an erasure request, in the person's language, sent straight to the mail server rather than through
 * the notification outbox: an outbox row would copy the address into another table (to be erased in turn), and the
 * confirmation must leave before the erasure removes the address. A failed send fails its process step, which the
 * job executor retries.
 */
@Component
public class ErasureMails {

    private static final ZoneId ZONE = ZoneId.of("Europe/Brussels");

    private final DirectMail mail;
    private final MessageSource messages;
    private final Contacts contacts;
    private final ErasureRequests requests;

    ErasureMails(DirectMail mail, MessageSource messages, Contacts contacts, ErasureRequests requests) {
        this.mail = mail;
        this.messages = messages;
        this.contacts = contacts;
        this.requests = requests;
    }

    public void receipt(UUID requestId) {
        ErasureRequests.Request request = requests.get(requestId).orElseThrow();
        send(request, "privacy.mail.receipt", (contact) -> new Object[] {contact.firstName(), date(request.dueAt(), contact)});
    }

    public void erasureConfirmed(UUID requestId) {
        ErasureRequests.Request request = requests.get(requestId).orElseThrow();
        send(request, "privacy.mail.erased", (contact) -> new Object[] {contact.firstName()});
    }

    public void refused(UUID requestId) {
        ErasureRequests.Request request = requests.get(requestId).orElseThrow();
        send(request, "privacy.mail.refused", (contact) -> new Object[] {contact.firstName(),
                messages.getMessage("privacy.ground." + request.refusalGround(), null, contact.locale()),
                request.refusalText() == null ? "" : request.refusalText()});
    }

    private String date(Instant instant, Contact contact) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(contact.locale()).format(instant.atZone(ZONE));
    }

    private void send(ErasureRequests.Request request, String code, java.util.function.Function<Contact, Object[]> args) {
        if (request.userId() == null) {
            return; // erased already: nobody left to tell
        }
        for (Contact contact : contacts.ofUser(request.userId())) {
            if (contact.email() == null || contact.email().isBlank()) {
                continue;
            }
            mail.send(contact.email(), contact.locale(), code, args.apply(contact));
        }
    }
}
