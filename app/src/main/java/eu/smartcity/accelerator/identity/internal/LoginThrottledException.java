package eu.smartcity.accelerator.identity.internal;

import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/** The account or the client address must wait before the next attempt; the password was not checked. */
class LoginThrottledException extends AuthenticationException {

    private final transient Instant retryAt;

    LoginThrottledException(Instant retryAt) {
        super("Too many failed logins: try again after " + retryAt);
        this.retryAt = retryAt;
    }

    Instant retryAt() {
        return retryAt;
    }
}
