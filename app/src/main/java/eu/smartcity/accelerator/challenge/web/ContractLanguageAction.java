package eu.smartcity.accelerator.challenge.web;

import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.identity.CurrentUser;
import eu.smartcity.accelerator.shared.RuleViolationException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * The city chooses the language its challenge's contract is drawn up in (en, nl, fr), on the challenge's page,
 * until the contract exists: both parties then negotiate, accept and sign that one text. The challenge's own city
 * only (another city, a company or a visitor gets 404).
 */
@Controller
class ContractLanguageAction {

    private final Challenges challenges;

    ContractLanguageAction(Challenges challenges) {
        this.challenges = challenges;
    }

    @PostMapping("/city/challenges/{id}/contract-language")
    String choose(@PathVariable UUID id, @RequestParam(required = false) String language, Authentication authentication,
            RedirectAttributes redirect) {
        String city = CurrentUser.of(authentication).city().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        challenges.find(id).filter(c -> c.cityGroup().equals(city)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            challenges.chooseContractLanguage(id, language == null ? "" : language);
            redirect.addFlashAttribute("contractLanguageSaved", true);
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("contractLanguageProblem", e.messageKey());
        }
        return "redirect:/challenges/" + id + "#contract-language";
    }
}
