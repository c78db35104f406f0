package eu.smartcity.accelerator.challenge.web;

import eu.smartcity.accelerator.challenge.CallDates;
import eu.smartcity.accelerator.challenge.ChallengeStage;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.identity.CurrentUser;
import eu.smartcity.accelerator.identity.Roles;
import eu.smartcity.accelerator.shared.RuleViolationException;
import eu.smartcity.accelerator.shared.UserMessages;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A coordinator extends an open call or closes it early, from the challenge's page: a reason is required, and a
 * confirmation step says what will happen before anything changes. Coordinators only (checked here as well as by
 * the {@code /coordinator/**} rule).
 */
@Controller
class CallWindowActions {

    private final Challenges challenges;
    private final ChallengePages pages;
    private final MessageSource messages;

    CallWindowActions(Challenges challenges, ChallengePages pages, MessageSource messages) {
        this.challenges = challenges;
        this.pages = pages;
        this.messages = messages;
    }

    @PostMapping("/coordinator/challenges/{id}/extend")
    String extend(@PathVariable UUID id, @RequestParam(required = false) String newClosesAt,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String confirmed,
            Authentication authentication, Model model, RedirectAttributes redirect) {
        String coordinator = coordinator(authentication);
        openCall(id);
        Map<String, String> problems = new LinkedHashMap<>();
        try {
            Instant closes = CallDates.parse("newClosesAt", newClosesAt, true);
            if (closes == null) {
                throw new RuleViolationException("newClosesAt", "callWindow.error.newClosesAtRequired", "a new closing date is required");
            }
            if (!"true".equals(confirmed)) {
                // checked before asking to confirm: the confirmation only ever shows a change that will be accepted
                challenges.checkExtension(id, closes, reason);
                return pages.detail(id, model, authentication, Map.of("newClosesAt", newClosesAt, "reason", reason), problems,
                        new ChallengePages.WindowConfirmation("extend", closes, reason));
            }
            challenges.extendCall(id, closes, reason, coordinator);
            redirect.addFlashAttribute("windowDone", "callWindow.extended");
            return "redirect:/challenges/" + id + "#call-window";
        } catch (RuleViolationException rule) {
            problems.put(rule.field(), message(rule));
            return pages.detail(id, model, authentication, Map.of("newClosesAt", text(newClosesAt), "reason", text(reason)), problems, null);
        }
    }

    @PostMapping("/coordinator/challenges/{id}/close-early")
    String closeEarly(@PathVariable UUID id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String confirmed, Authentication authentication, Model model,
            RedirectAttributes redirect) {
        String coordinator = coordinator(authentication);
        openCall(id);
        Map<String, String> problems = new LinkedHashMap<>();
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            problems.put("closeReason", messages.getMessage("challenge.error.windowReason", null, LocaleContextHolder.getLocale()));
            return pages.detail(id, model, authentication, Map.of("closeReason", text(reason)), problems, null);
        }
        if (!"true".equals(confirmed)) {
            return pages.detail(id, model, authentication, Map.of("closeReason", reason), problems,
                    new ChallengePages.WindowConfirmation("close-early", null, reason));
        }
        challenges.closeCallEarly(id, reason, coordinator);
        redirect.addFlashAttribute("windowDone", "callWindow.closedEarly");
        return "redirect:/challenges/" + id + "#call-window";
    }

    private String message(RuleViolationException rule) {
        return messages.getMessage(rule.messageKey(), UserMessages.arguments(rule.args(), LocaleContextHolder.getLocale()),
                LocaleContextHolder.getLocale());
    }

    private void openCall(UUID id) {
        Challenges.ChallengeView c = challenges.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (c.stage() != ChallengeStage.PUBLISHED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "The call is not open");
        }
    }

    private static String coordinator(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        if (!user.has(Roles.COORDINATORS)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only coordinators change a call's window");
        }
        return user.userId();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
