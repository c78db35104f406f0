package eu.smartcity.accelerator.privacy.inactivity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code accelerator.inactive-accounts.*}: an account unused for {@code warnAfter} is warned by mail, deactivated
 * {@code deactivateAfter} after the warning, and erased {@code eraseAfter} after its deactivation (ISO durations in
 * days: P730D is two years).
 */
@ConfigurationProperties("accelerator.inactive-accounts")
public record InactivitySettings(@DefaultValue("P730D") Duration warnAfter, @DefaultValue("P30D") Duration deactivateAfter,
        @DefaultValue("P90D") Duration eraseAfter) {

    /** From the last use to the erasure: the period of retention class PERSONAL_ACCOUNT. */
    public Duration untilErased() {
        return warnAfter.plus(deactivateAfter).plus(eraseAfter);
    }
}
