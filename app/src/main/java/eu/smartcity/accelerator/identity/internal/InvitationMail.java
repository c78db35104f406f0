package eu.smartcity.accelerator.identity.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The invitation mail, sent at once in the invitee's language (the coordinator sees whether it left). Not through
 * the notification outbox: the link's token would then be stored in clear, where only its hash may be.
 */
@Component
class InvitationMail {

    private final JavaMailSender sender;
    private final MessageSource messages;
    private final String from;

    InvitationMail(JavaMailSender sender, MessageSource messages,
            @Value("${accelerator.notifications.from:Smart City Accelerator <noreply@smartcity.local>}") String from) {
        this.sender = sender;
        this.messages = messages;
        this.from = from;
    }

    /** {@code forWhat}: the city's or the cycle's name, already in words. */
    void send(String email, Locale language, String role, String forWhat, String link, long validDays) throws MailException {
        String code = "invitation.mail." + role.toLowerCase(Locale.ROOT);
        MimeMessage message = sender.createMimeMessage();
        try {
            message.setFrom(new InternetAddress(from));
            message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(email));
            message.setSubject(messages.getMessage(code + ".subject", null, language), StandardCharsets.UTF_8.name());
            message.setText(messages.getMessage(code + ".body", new Object[] {forWhat, link, validDays}, language),
                    StandardCharsets.UTF_8.name());
            message.setHeader("Content-Language", language.getLanguage());
        } catch (MessagingException e) {
            throw new MailPreparationException("Cannot prepare the invitation mail", e);
        }
        sender.send(message);
    }
}
