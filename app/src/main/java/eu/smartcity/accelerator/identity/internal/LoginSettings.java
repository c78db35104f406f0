package eu.smartcity.accelerator.identity.internal;

import java.time.Duration;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code accelerator.login.*}: how failed logins slow down per account and per client address, and how often
 * one client address may ask for registration mails. Defaults in application.yml.
 */
@ConfigurationProperties("accelerator.login")
record LoginSettings(LoginThrottle.Policy account, LoginThrottle.Policy address, LoginThrottle.Policy registration) {

    LoginThrottle.Key accountKey(String userId) {
        String id = userId == null ? "" : userId.strip().toLowerCase(java.util.Locale.ROOT);
        return new LoginThrottle.Key("account:" + (id.length() > 64 ? id.substring(0, 64) : id), account);
    }

    LoginThrottle.Key addressKey(String clientAddress) {
        return new LoginThrottle.Key("address:" + clientAddress, address);
    }

    LoginThrottle.Key registrationKey(String clientAddress) {
        return new LoginThrottle.Key("register:" + clientAddress, registration);
    }

    LoginThrottle.Key registrationMailKey(String email) {
        return new LoginThrottle.Key("register-mail:" + email.strip().toLowerCase(java.util.Locale.ROOT), registration);
    }

    /** Dead invitation links followed from one address, limited as registration requests are. */
    LoginThrottle.Key invitationKey(String clientAddress) {
        return new LoginThrottle.Key("invitation:" + clientAddress, registration);
    }

    /** How long the longest-remembering policy keeps a failure (rows older than this are deleted). */
    Duration longestMemory() {
        return Stream.of(account, address, registration).map(LoginThrottle.Policy::forgetAfter).max(Duration::compareTo).orElseThrow();
    }
}
