package eu.smartcity.accelerator.challenge.web;

import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
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
    private final Cycles cycles;

    ChallengePages(Challenges challenges, Cycles cycles) {
        this.challenges = challenges;
        this.cycles = cycles;
    }

    @GetMapping("/challenges")
    String openCalls(Model model) {
        model.addAttribute("challenges", challenges.published());
        model.addAttribute("now", Instant.now());
        model.addAttribute("bylawsVersions", bylawsVersions());
        return "challenge/list";
    }

    @GetMapping("/challenges/{id}")
    String challenge(@PathVariable UUID id, Model model) {
        Challenges.ChallengeView challenge = challenges.find(id)
                .filter(c -> c.callClosesAt() != null) // published at some point
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("challenge", challenge);
        model.addAttribute("open", challenge.acceptsApplications(Instant.now()));
        // the rules the challenge runs under: its cycle's pinned bylaws version
        model.addAttribute("cycle", cycles.get(challenge.cycleId()));
        return "challenge/detail";
    }

    /** cycle id → bylaws version, for the list of open calls. */
    private java.util.Map<UUID, String> bylawsVersions() {
        java.util.Map<UUID, String> versions = new java.util.HashMap<>();
        cycles.all().forEach(c -> versions.put(c.id(), c.bylawsVersion()));
        return versions;
    }
}
