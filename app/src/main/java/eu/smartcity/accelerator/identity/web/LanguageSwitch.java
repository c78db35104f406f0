package eu.smartcity.accelerator.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language menu of every page: saves the choice and goes back. A logged-in user's menu posts (with CSRF) and
 * the choice goes with the account; a visitor's menu is a GET form that only sets the visitor's language cookie,
 * so that no page a visitor sees needs a CSRF token, hence a session.
 */
@Controller
class LanguageSwitch {

    private final LocaleResolver locales;

    LanguageSwitch(LocaleResolver locales) {
        this.locales = locales;
    }

    @GetMapping("/language")
    String chooseAsVisitor(@RequestParam String lang, @RequestParam(defaultValue = "/") String back, Principal user,
            HttpServletRequest request, HttpServletResponse response) {
        if (user != null) {
            return redirectBack(back); // a user's choice is saved with the account, by a POST only
        }
        return choose(lang, back, request, response);
    }

    @PostMapping("/language")
    String choose(@RequestParam String lang, @RequestParam(defaultValue = "/") String back, HttpServletRequest request,
            HttpServletResponse response) {
        try {
            locales.setLocale(request, response, Locale.forLanguageTag(lang));
        } catch (IllegalArgumentException unsupported) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST, "language: one of en, nl, fr");
        }
        return redirectBack(back);
    }

    private static String redirectBack(String back) {
        // only back to a page of ours: a path, never another site
        boolean localPath = back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") && back.length() <= 500;
        return "redirect:" + (localPath ? back : "/");
    }
}
