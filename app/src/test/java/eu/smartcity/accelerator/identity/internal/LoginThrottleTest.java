package eu.smartcity.accelerator.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smartcity.accelerator.support.AcceleratorTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Password guessing against the real engine and the real throttle table, with time driven by a clock of the
 * test's own: an attacker's failures, from one address or from many, slow the account down but never lock it,
 * and the right password works once the delay has passed; an unknown user id is throttled exactly like a
 * known one; Camunda's own permanent lock is off.
 */
@AcceleratorTest
class LoginThrottleTest {

    static final String RIGHT = "the right password";

    static final LoginThrottle.Policy ACCOUNT = new LoginThrottle.Policy(5, Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofHours(1));
    static final LoginThrottle.Policy ADDRESS = new LoginThrottle.Policy(30, Duration.ofSeconds(2), Duration.ofMinutes(15), Duration.ofHours(1));
    static final LoginThrottle.Policy REGISTRATION = new LoginThrottle.Policy(5, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(6));

    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired eu.smartcity.accelerator.identity.People people;
    @Autowired eu.smartcity.accelerator.identity.AccountActivity activity;

    final MovableClock clock = new MovableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    final LoginSettings settings = new LoginSettings(ACCOUNT, ADDRESS, REGISTRATION);
    CamundaIdentityAuthenticationProvider provider;
    String victim;
    String attackerAddress;

    @BeforeEach
    void aUserAndAProviderOnTheTestsClock() {
        LoginThrottle throttle = new LoginThrottle(JdbcClient.create(jdbc), transactions, clock, settings.longestMemory());
        provider = new CamundaIdentityAuthenticationProvider(identity, throttle, settings, people, activity);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        victim = "coordinator-" + unique;
        attackerAddress = "203.0.113." + (1 + Math.abs(unique.hashCode() % 250));
        User user = identity.newUser(victim);
        user.setPassword(RIGHT);
        identity.saveUser(user);
        // the (documentation) addresses are shared by every run of this test against the same database file
        jdbc.update("DELETE FROM login_throttle WHERE throttle_key LIKE 'address:203.0.113.%' OR throttle_key LIKE 'address:198.51.100.%'"
                + " OR throttle_key LIKE 'address:192.0.2.%'");
    }

    @Test
    void failuresFromOneAddressSlowTheAccountDownButTheRightPasswordWorksOnceTheDelayHasPassed() {
        int failures = guessAsFastAsAllowed(victim, 20, i -> attackerAddress);
        assertThat(failures).isEqualTo(20);

        // right now the account waits, whoever asks and whatever the password: it is not even checked
        assertThatThrownBy(() -> login(victim, RIGHT, "192.0.2.10")).isInstanceOf(LoginThrottledException.class);
        LoginThrottledException wait = catchThrottled(() -> login(victim, RIGHT, "192.0.2.10"));
        assertThat(Duration.between(clock.instant(), wait.retryAt())).isPositive().isLessThanOrEqualTo(ACCOUNT.maxDelay());

        clock.set(wait.retryAt());
        Authentication user = login(victim, RIGHT, "192.0.2.10");
        assertThat(user.isAuthenticated()).isTrue();
        assertThat(user.getName()).isEqualTo(victim);
        // the success starts the account afresh: one more typo is free again
        assertThatThrownBy(() -> login(victim, "typo", "192.0.2.10")).isInstanceOf(BadCredentialsException.class);
        assertThat(login(victim, RIGHT, "192.0.2.10").isAuthenticated()).isTrue();
    }

    @Test
    void failuresFromManyAddressesSlowTheAccountDownToTheMaximumDelayAndNoFurther() {
        int failures = guessAsFastAsAllowed(victim, 60, i -> "198.51.100." + (i % 200 + 1));
        assertThat(failures).isEqualTo(60);
        // no single address has reached its own limit: it is the account that waits, at most the maximum delay
        LoginThrottledException wait = catchThrottled(() -> login(victim, RIGHT, "192.0.2.20"));
        assertThat(Duration.between(clock.instant(), wait.retryAt())).isEqualTo(ACCOUNT.maxDelay());
        clock.set(wait.retryAt());
        assertThat(login(victim, RIGHT, "192.0.2.20").isAuthenticated()).isTrue();
    }

    @Test
    void theAttackersAddressIsSlowedDownForEveryAccountItTries() {
        String address = attackerAddress;
        for (int i = 0; i < ADDRESS.freeFailures(); i++) {
            // a different account each time: no account reaches its own limit
            assertThatThrownBy(() -> login("nobody-" + UUID.randomUUID(), "guess", address)).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> login(victim, RIGHT, address)).isInstanceOf(LoginThrottledException.class);
        assertThat(login(victim, RIGHT, "192.0.2.30").isAuthenticated()).isTrue(); // the victim elsewhere is not
        clock.advance(ADDRESS.firstDelay());
        assertThat(login(victim, RIGHT, address).isAuthenticated()).isTrue();
    }

    @Test
    void anUnknownUserIdIsThrottledExactlyLikeAKnownOne() {
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder known = new StringBuilder();
        StringBuilder stranger = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            known.append(outcome(victim, "guess " + i, "192.0.2." + (40 + i)));
            stranger.append(outcome(unknown, "guess " + i, "192.0.2." + (40 + i)));
            clock.advance(Duration.ofSeconds(3));
        }
        assertThat(known.toString()).isEqualTo(stranger.toString()).contains("throttled").contains("bad");
    }

    @Test
    void failuresAreForgottenAnHourAfterTheLastOne() {
        guessAsFastAsAllowed(victim, ACCOUNT.freeFailures() - 1, i -> attackerAddress);
        clock.advance(ACCOUNT.forgetAfter().plusSeconds(1));
        // had the four been remembered, this failure would be the fifth and block the account
        assertThatThrownBy(() -> login(victim, "guess", attackerAddress)).isInstanceOf(BadCredentialsException.class);
        assertThat(login(victim, RIGHT, attackerAddress).isAuthenticated()).isTrue();
    }

    @Test
    void camundasOwnLockIsOffSoEvenItsDirectPasswordCheckNeverLocksAnAccount() {
        for (int i = 0; i < 15; i++) {
            assertThat(identity.checkPassword(victim, "guess " + i)).isFalse();
        }
        assertThat(identity.checkPassword(victim, RIGHT)).isTrue();
    }

    // --- helpers

    /** Tries wrong passwords, waiting (on the test's clock) whenever told to; returns the failures counted. */
    int guessAsFastAsAllowed(String userId, int guesses, java.util.function.IntFunction<String> address) {
        int failures = 0;
        for (int i = 0; i < guesses; i++) {
            try {
                login(userId, "guess " + i, address.apply(i));
                throw new AssertionError("a wrong password was accepted");
            } catch (BadCredentialsException wrong) {
                failures++;
            } catch (LoginThrottledException throttled) {
                clock.set(throttled.retryAt());
                i--; // the same guess again, once allowed
            }
        }
        return failures;
    }

    String outcome(String userId, String password, String address) {
        try {
            login(userId, password, address);
            return "ok;";
        } catch (BadCredentialsException e) {
            return "bad;";
        } catch (LoginThrottledException e) {
            return "throttled " + Duration.between(clock.instant(), e.retryAt()) + ";";
        }
    }

    Authentication login(String userId, String password, String address) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(userId, password);
        attempt.setDetails(new WebAuthenticationDetails(address, null));
        return provider.authenticate(attempt);
    }

    static LoginThrottledException catchThrottled(Runnable attempt) {
        try {
            attempt.run();
        } catch (LoginThrottledException e) {
            return e;
        }
        throw new AssertionError("not throttled");
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
