package eu.smartcity.accelerator.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Spring Security login against Camunda's identity tables: one user store for the portal, the REST
 * API (HTTP Basic) and Tasklist/Cockpit (which take the portal's session). Authorities are the user's group ids.
 *
 * <p>Password guessing is slowed down by {@link LoginThrottle}, per account and per client address, the same
 * way whether or not the user id exists: a blocked attempt is refused without checking the password and
 * without counting. Camunda's own lock is switched off (login-delay-base 0, login-max-attempts unreachable in
 * application.yml), because anyone could use it to lock any account until an administrator unlocks it.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    /**
     * The attempt this thread has just refused. Spring Security asks a provider bean twice for one failed login
     * (the filter chain's own manager, then its parent, both hold this bean): the second ask of the same
     * attempt must neither check the password again nor count a second failure.
     */
    private static final ThreadLocal<Refused> LAST_REFUSED = new ThreadLocal<>();

    private record Refused(Authentication attempt, org.springframework.security.core.AuthenticationException answer) {}

    private final IdentityService identityService;
    private final LoginThrottle throttle;
    private final LoginSettings settings;
    private final eu.smartcity.accelerator.identity.People people;
    private final eu.smartcity.accelerator.identity.AccountActivity activity;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle, LoginSettings settings,
            eu.smartcity.accelerator.identity.People people, eu.smartcity.accelerator.identity.AccountActivity activity) {
        this.identityService = identityService;
        this.throttle = throttle;
        this.settings = settings;
        this.people = people;
        this.activity = activity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Refused last = LAST_REFUSED.get();
        LAST_REFUSED.remove();
        if (last != null && last.attempt() == authentication) {
            throw last.answer();
        }
        try {
            return check(authentication);
        } catch (LoginThrottledException | BadCredentialsException refused) {
            LAST_REFUSED.set(new Refused(authentication, refused));
            throw refused;
        }
    }

    private Authentication check(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        LoginThrottle.Key account = settings.accountKey(userId);
        List<LoginThrottle.Key> keys = List.of(account, settings.addressKey(clientAddress(authentication)));
        Optional<Instant> blocked = throttle.blockedUntil(keys);
        if (blocked.isPresent()) {
            throw new LoginThrottledException(blocked.get());
        }
        if (userId == null || userId.isBlank() || userId.length() > 64 || credentials == null
                || credentials.toString().length() > 1024 || !identityService.checkPassword(userId, credentials.toString())
                || people.deactivated(userId)) { // a deactivated account is refused like a wrong password
            throttle.failed(keys);
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        throttle.succeeded(account);
        activity.loggedIn(userId, Instant.now()); // the inactive-accounts job counts from here
        List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .map(SimpleGrantedAuthority::new)
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    /** Form login and HTTP Basic both attach the request's details; behind a proxy set server.forward-headers-strategy. */
    static String clientAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress() : "unknown";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
