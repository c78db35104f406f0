package eu.smartcity.accelerator.challenge.web;

import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.identity.CurrentUser;
import eu.smartcity.accelerator.identity.Roles;
import eu.smartcity.accelerator.shared.RuleViolationException;
import eu.smartcity.accelerator.shared.UserMessages;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A coordinator withdraws a challenge that has not reached its contract (issue 23): a reason is required (its
 * applicants read it in their mail), and a confirmation step says what will happen before anything changes.
 * Coordinators only (checked here as well as by the {@code /coordinator/**} rule).
 */
@Controller
class ChallengeWithdrawalPages {

    private final Challenges challenges;
    private final MessageSource messages;

    ChallengeWithdrawalPages(Challenges challenges, MessageSource messages) {
        this.challenges = challenges;
        this.messages = messages;
    }

    @GetMapping("/coordinator/challenges/{id}/withdraw")
    String form(@PathVariable UUID id, Authentication authentication, Model model) {
        coordinator(authentication);
        return page(withdrawable(id), model, "", null, false);
    }

    @PostMapping("/coordinator/challenges/{id}/withdraw")
    String withdraw(@PathVariable UUID id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String confirmed, Authentication authentication, Model model,
            RedirectAttributes redirect) {
        String coordinator = coordinator(authentication);
        Challenges.ChallengeView challenge = withdrawable(id);
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > 2000) {
            return page(challenge, model, text, messages.getMessage("challenge.error.windowReason", null, LocaleContextHolder.getLocale()), false);
        }
        if (!"true".equals(confirmed)) {
            return page(challenge, model, text, null, true);
        }
        try {
            challenges.withdraw(id, text, coordinator);
        } catch (RuleViolationException rule) {
            return page(challenge, model, text, messages.getMessage(rule.messageKey(),
                    UserMessages.arguments(rule.args(), LocaleContextHolder.getLocale()), LocaleContextHolder.getLocale()), false);
        }
        redirect.addFlashAttribute("challengeWithdrawn", true);
        return "redirect:/challenges/" + id;
    }

    private String page(Challenges.ChallengeView challenge, Model model, String reason, String problem, boolean confirm) {
        model.addAttribute("challenge", challenge);
        model.addAttribute("reason", reason);
        model.addAttribute("problem", problem);
        model.addAttribute("confirm", confirm);
        return "challenge/withdraw";
    }

    private Challenges.ChallengeView withdrawable(UUID id) {
        Challenges.ChallengeView challenge = challenges.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!challenge.stage().stoppable()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "The challenge has reached its contract or ended");
        }
        return challenge;
    }

    private static String coordinator(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        if (!user.has(Roles.COORDINATORS)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only coordinators withdraw a challenge");
        }
        return user.userId();
    }
}
