package eu.smartcity.accelerator.identity.internal;

import eu.smartcity.accelerator.shared.DirectMail;
import java.time.Duration;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * The one mail a registration request gets, in the requester's language, sent at once (the requester waits for
 * it). Only the owner of the mailbox learns what the form does not say: that the address has an account, or that
 * the user name or the organisation is taken.
 */
@Component
class RegistrationMail {

    private final DirectMail mail;

    RegistrationMail(DirectMail mail) {
        this.mail = mail;
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
        mail.send(p.email(), p.language(), code, args);
    }
}
