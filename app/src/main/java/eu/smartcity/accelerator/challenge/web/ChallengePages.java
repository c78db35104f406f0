package eu.smartcity.accelerator.challenge.web;

import eu.smartcity.accelerator.challenge.Challenges;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** Public pages: the open calls and one challenge. Drafts and sent-back challenges are not public. */
@Controller
class ChallengePages {

    private final Challenges challenges;

    ChallengePages(Challenges challenges) {
        this.challenges = challenges;
    }

    @GetMapping("/challenges")
    String openCalls(Model model) {
        model.addAttribute("challenges", challenges.published());
        model.addAttribute("now", Instant.now());
        return "challenge/list";
    }

    @GetMapping("/challenges/{id}")
    String challenge(@PathVariable UUID id, Model model) {
        Challenges.ChallengeView challenge = challenges.find(id)
                .filter(c -> c.callClosesAt() != null) // published at some point
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("challenge", challenge);
        model.addAttribute("open", challenge.acceptsApplications(Instant.now()));
        return "challenge/detail";
    }
}
