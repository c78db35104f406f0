package eu.smartcity.accelerator.identity.internal;

import eu.smartcity.accelerator.shared.DirectMail;
import java.util.Locale;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * The invitation mail, sent at once in the invitee's language (the coordinator sees whether it left). Not through
 * the notification outbox: the link's token would then be stored in clear, where only its hash may be.
 */
@Component
class InvitationMail {

    private final DirectMail mail;

    InvitationMail(DirectMail mail) {
        this.mail = mail;
    }

    /** {@code forWhat}: the city's or the cycle's name, already in words. */
    void send(String email, Locale language, String role, String forWhat, String link, long validDays) throws MailException {
        mail.send(email, language, "invitation.mail." + role.toLowerCase(Locale.ROOT), forWhat, link, validDays);
    }
}
