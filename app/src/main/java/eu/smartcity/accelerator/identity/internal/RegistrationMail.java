package eu.smartcity.accelerator.identity.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The one mail a registration request gets, in the requester's language, sent at once (the requester waits for
 * it). Only the owner of the mailbox learns what the form does not say: that the address has an account, or that
 * the user name or the organisation is taken.
 */
@Component
class RegistrationMail {

    private final JavaMailSender sender;
    private final MessageSource messages;
    private final String from;

    RegistrationMail(JavaMailSender sender, MessageSource messages,
            @Value("${accelerator.notifications.from:Smart City Accelerator <noreply@smartcity.local>}") String from) {
        this.sender = sender;
        this.messages = messages;
        this.from = from;
    }

    void confirmationLink(CompanyRegistration.Pending p, String link, Duration validFor) {
        send(p, "register.mail.confirm", p.firstName(), p.organisationName(), p.userId(), link, validFor.toHours());
    }

    void accountExists(CompanyRegistration.Pending p, String existingUserId, String loginPage) {
        send(p, "register.mail.accountExists", existingUserId, loginPage);
    }

    void userIdTaken(CompanyRegistration.Pending p, String registerPage) {
        send(p, "register.mail.userIdTaken", p.firstName(), p.userId(), registerPage);
    }

    void organisationTaken(CompanyRegistration.Pending p) {
        send(p, "register.mail.organisationTaken", p.firstName(), p.organisationName());
    }

    private void send(CompanyRegistration.Pending p, String code, Object... args) throws MailException {
        MimeMessage message = sender.createMimeMessage();
        try {
            message.setFrom(new InternetAddress(from));
            message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(p.email()));
            message.setSubject(messages.getMessage(code + ".subject", null, p.language()), StandardCharsets.UTF_8.name());
            message.setText(messages.getMessage(code + ".body", args, p.language()), StandardCharsets.UTF_8.name());
            message.setHeader("Content-Language", p.language().getLanguage());
        } catch (MessagingException e) {
            throw new MailPreparationException("Cannot prepare the registration mail", e);
        }
        sender.send(message);
    }
}
