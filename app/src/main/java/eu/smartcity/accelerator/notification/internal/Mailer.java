package eu.smartcity.accelerator.notification.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/** Sends one notification as a plain-text mail whose Message-ID is derived from the notification id. */
@Component
public class Mailer {

    private final JavaMailSender sender;
    private final String from;

    Mailer(JavaMailSender sender, @Value("${accelerator.notifications.from:Smart City Accelerator <noreply@smartcity.local>}") String from) {
        this.sender = sender;
        this.from = from;
    }

    /** The same notification always carries the same Message-ID, so a receiving server can drop a resent copy. */
    public static String messageId(Notification notification) {
        return "<notification-" + notification.id() + "@smartcity.local>";
    }

    public void send(Notification notification) throws MailException {
        Session session = sender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
        String messageId = messageId(notification);
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        try {
            message.setFrom(new InternetAddress(from));
            message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(notification.recipientEmail()));
            message.setSubject(notification.subject(), StandardCharsets.UTF_8.name());
            message.setText(notification.body(), StandardCharsets.UTF_8.name());
            message.setHeader("Content-Language", notification.language());
            message.setHeader("X-Notification-Kind", notification.kind().name());
        } catch (MessagingException e) {
            throw new MailPreparationException("Cannot prepare notification " + notification.id(), e);
        }
        sender.send(message);
    }
}
