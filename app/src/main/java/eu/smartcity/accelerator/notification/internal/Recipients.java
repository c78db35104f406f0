package eu.smartcity.accelerator.notification.internal;

import eu.smartcity.accelerator.identity.Contacts;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The people a notification goes to, with their e-mail address and language (from identity's {@link Contacts}). */
@Component
public class Recipients {

    public record Recipient(String userId, String firstName, String email, Locale locale) {}

    private final Contacts contacts;

    Recipients(Contacts contacts) {
        this.contacts = contacts;
    }

    public List<Recipient> ofGroup(String groupId) {
        return contacts.ofGroup(groupId).stream().map(Recipients::recipient).toList();
    }

    public List<Recipient> ofUser(String userId) {
        return contacts.ofUser(userId).stream().map(Recipients::recipient).toList();
    }

    private static Recipient recipient(Contacts.Contact c) {
        return new Recipient(c.userId(), c.firstName(), c.email(), c.locale());
    }
}
