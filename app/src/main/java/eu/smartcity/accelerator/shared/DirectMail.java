package eu.smartcity.accelerator.shared;

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
 * A mail sent at once, not through the notification outbox: for mails whose content must not be stored (a link's
 * token) or whose recipient is about to be erased. Subject and body are the bundles' {@code <code>.subject} and
 * {@code <code>.body} in the recipient's language; a failure is the caller's {@link MailException}.
 */
@Component
public class DirectMail {

    private final JavaMailSender sender;
    private final MessageSource messages;
    private final String from;

    DirectMail(JavaMailSender sender, MessageSource messages,
            @Value("${accelerator.notifications.from:Smart City Accelerator <noreply@smartcity.local>}") String from) {
        this.sender = sender;
        this.messages = messages;
        this.from = from;
    }

    public void send(String to, Locale language, String code, Object... bodyArgs) throws MailException {
        MimeMessage message = sender.createMimeMessage();
        try {
            message.setFrom(new InternetAddress(from));
            message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(to));
            message.setSubject(messages.getMessage(code + ".subject", null, language), StandardCharsets.UTF_8.name());
            message.setText(messages.getMessage(code + ".body", bodyArgs, language), StandardCharsets.UTF_8.name());
            message.setHeader("Content-Language", language.getLanguage());
        } catch (MessagingException e) {
            throw new MailPreparationException("Cannot prepare the mail " + code, e);
        }
        sender.send(message);
    }
}
