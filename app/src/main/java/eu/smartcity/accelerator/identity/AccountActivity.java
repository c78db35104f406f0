package eu.smartcity.accelerator.identity;

import java.time.Instant;
import java.util.Map;

/**
 * When each account was last used (table {@code account_activity}): its last successful login, or, for an account
 * that has not logged in since, when it was first seen or last reactivated. The inactive-accounts job reads it.
 */
public interface AccountActivity {

    /**
     * A successful login at {@code at}, recorded to within an hour or two: at most one write per login, and none
     * for a client that logs in with every request (HTTP Basic). The login itself never fails because of this.
     */
    void loggedIn(String userId, Instant at);

    /**
     * Since when each existing account has not been used: the later of its last login and the time it was first seen
     * or reactivated. An account seen for the first time counts from {@code now} (accounts that existed before this
     * was recorded get the full period from the first run); rows of accounts that no longer exist are dropped.
     */
    Map<String, Instant> unusedSince(Instant now);
}
