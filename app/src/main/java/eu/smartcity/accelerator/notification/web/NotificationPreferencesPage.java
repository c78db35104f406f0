package eu.smartcity.accelerator.notification.web;

import eu.smartcity.accelerator.notification.NotificationKind;
import eu.smartcity.accelerator.notification.NotificationPreferences;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Each logged-in user chooses which optional notifications they get (their own settings only). */
@Controller
class NotificationPreferencesPage {

    private final NotificationPreferences preferences;

    NotificationPreferencesPage(NotificationPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping("/account/notifications")
    String show(Authentication authentication, Model model) {
        model.addAttribute("kinds", List.of(NotificationKind.values()));
        model.addAttribute("wanted", preferences.wanted(authentication.getName()));
        return "notification/preferences";
    }

    @PostMapping("/account/notifications")
    String save(@RequestParam(name = "kind", required = false) List<String> kinds, Authentication authentication,
            RedirectAttributes redirect) {
        Set<NotificationKind> wanted = EnumSet.noneOf(NotificationKind.class);
        if (kinds != null) {
            for (String kind : kinds) {
                for (NotificationKind k : NotificationKind.values()) {
                    if (k.name().equals(kind)) {
                        wanted.add(k); // unknown values are ignored, mandatory ones cannot be switched off anyway
                    }
                }
            }
        }
        preferences.choose(authentication.getName(), wanted);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/account/notifications";
    }
}
