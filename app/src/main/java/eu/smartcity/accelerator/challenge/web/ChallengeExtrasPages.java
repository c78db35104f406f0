package eu.smartcity.accelerator.challenge.web;

import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.challenge.ExtraLines;
import eu.smartcity.accelerator.identity.CurrentUser;
import eu.smartcity.accelerator.shared.RuleViolationException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the city funds beside the pilot, edited by the challenge's own city while it awaits approval or was sent
 * back; once published it is shown, not edited. Another city (or anyone else) gets 404.
 */
@Controller
class ChallengeExtrasPages {

    private final Challenges challenges;

    ChallengeExtrasPages(Challenges challenges) {
        this.challenges = challenges;
    }

    @GetMapping("/city/challenges/{id}/extras")
    String show(@PathVariable UUID id, Authentication authentication, Model model) {
        Challenges.ChallengeView challenge = ours(id, authentication);
        List<ExtraLines.Line> lines = ExtraLines.of(challenges.extrasOf(id));
        return page(challenge, lines, Map.of(), lines.size() + 1, model);
    }

    @PostMapping("/city/challenges/{id}/extras")
    String change(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Authentication authentication,
            Model model, RedirectAttributes redirect) {
        Challenges.ChallengeView challenge = ours(id, authentication);
        List<ExtraLines.Line> lines = ExtraLines.of(params.get("extraKind"), params.get("extraDescription"), params.get("extraAmount"));
        if (params.containsKey("addExtraLine")) {
            return page(challenge, lines, Map.of(), lines.size() + 1, model);
        }
        Map<String, RuleViolationException> problems = ExtraLines.problems(lines);
        if (problems.isEmpty()) {
            try {
                challenges.changeExtras(id, ExtraLines.extras(lines));
                redirect.addFlashAttribute("saved", true);
                return "redirect:/city/challenges/" + id + "/extras";
            } catch (RuleViolationException published) {
                problems = Map.of(published.field(), published);
            }
        }
        model.addAttribute("invalid", true);
        return page(challenge, lines, problems, lines.size(), model);
    }

    private String page(Challenges.ChallengeView challenge, List<ExtraLines.Line> lines,
            Map<String, RuleViolationException> problems, int shown, Model model) {
        model.addAttribute("challenge", challenge);
        model.addAttribute("editable", !challenge.stage().published());
        model.addAttribute("extras", challenges.extrasOf(challenge.id()));
        model.addAllAttributes(ExtraLines.formModel(lines, problems, shown));
        return "challenge/extras";
    }

    /** The challenge, if the user is an officer of its city; 404 for anyone else (its existence is not theirs to know). */
    private Challenges.ChallengeView ours(UUID id, Authentication authentication) {
        String city = CurrentUser.of(authentication).city().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return challenges.find(id).filter(c -> c.cityGroup().equals(city))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
