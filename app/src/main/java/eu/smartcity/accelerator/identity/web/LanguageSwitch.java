package eu.smartcity.accelerator.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.LocaleResolver;

/** The language menu of every page: saves the choice (for a logged-in user, with the account) and goes back. */
@Controller
class LanguageSwitch {

    private final LocaleResolver locales;

    LanguageSwitch(LocaleResolver locales) {
        this.locales = locales;
    }

    @PostMapping("/language")
    String choose(@RequestParam String lang, @RequestParam(defaultValue = "/") String back, HttpServletRequest request,
            HttpServletResponse response) {
        try {
            locales.setLocale(request, response, Locale.forLanguageTag(lang));
        } catch (IllegalArgumentException unsupported) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST, "language: one of en, nl, fr");
        }
        // only back to a page of ours: a path, never another site
        boolean localPath = back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") && back.length() <= 500;
        return "redirect:" + (localPath ? back : "/");
    }
}
