package eu.smartcity.accelerator.identity.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The portal's language (English, Dutch or French): the user's own choice, kept with their account
 * (Camunda user info {@value #USER_INFO_KEY}) so that it follows them to any browser; for visitors,
 * their choice in the cookie {@value #COOKIE} (a visitor gets no session: sessions live in the database, issue
 * 20), else the browser's preference, else English.
 */
@Component("localeResolver")
public class UserLanguageResolver implements LocaleResolver {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("nl"), Locale.FRENCH);
    static final String USER_INFO_KEY = "language";
    private static final String SESSION_KEY = UserLanguageResolver.class.getName();
    /** In the session: the account has no language saved, so the cookie or the browser's preference decides. */
    private static final Locale NO_CHOICE = Locale.ROOT;
    static final String COOKIE = "lang";
    private static final Duration COOKIE_LIFE = Duration.ofDays(365);

    private final IdentityService identity;

    UserLanguageResolver(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object remembered = session == null ? null : session.getAttribute(SESSION_KEY);
        if (remembered instanceof Locale chosen && !chosen.equals(NO_CHOICE)) {
            return chosen;
        }
        String user = currentUser();
        if (user != null && remembered == null) {
            // read once per session, not on every request: also "no choice saved" (issue 19: one act_id_info
            // query per request of every user who never picked a language, during the deadline rush too)
            Locale saved = supported(identity.getUserInfo(user, USER_INFO_KEY));
            request.getSession().setAttribute(SESSION_KEY, saved != null ? saved : NO_CHOICE);
            if (saved != null) {
                return saved;
            }
        }
        Locale visitorsChoice = cookie(request);
        if (visitorsChoice != null) {
            return visitorsChoice;
        }
        for (Locale preferred : java.util.Collections.list(request.getLocales())) {
            Locale match = supported(preferred.getLanguage());
            if (match != null) {
                return match;
            }
        }
        return Locale.ENGLISH;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale chosen = locale == null ? null : supported(locale.getLanguage());
        if (chosen == null) {
            throw new IllegalArgumentException("Unsupported language " + locale + ": the portal speaks en, nl and fr");
        }
        String user = currentUser();
        if (user != null) {
            request.getSession().setAttribute(SESSION_KEY, chosen);
            identity.setUserInfo(user, USER_INFO_KEY, chosen.getLanguage());
        } else if (response != null) {
            String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, chosen.getLanguage()).path(path)
                    .maxAge(COOKIE_LIFE).httpOnly(true).sameSite("Lax").secure(request.isSecure()).build().toString());
        }
    }

    private static Locale cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    return supported(cookie.getValue());
                }
            }
        }
        return null;
    }

    static Locale supported(String language) {
        return language == null ? null : SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(null);
    }

    private static String currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()
                ? null : authentication.getName();
    }
}
