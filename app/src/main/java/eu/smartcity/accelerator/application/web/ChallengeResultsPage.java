package eu.smartcity.accelerator.application.web;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.identity.Organisations;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Public: a challenge's results. Before the selection is announced only the counts; afterwards the
 * selected company and solution. Scores and the other applicants are never public (each applicant
 * sees its own assessment on its explanation page).
 */
@Controller
class ChallengeResultsPage {

    private final Challenges challenges;
    private final Applications applications;
    private final Organisations organisations;

    ChallengeResultsPage(Challenges challenges, Applications applications, Organisations organisations) {
        this.challenges = challenges;
        this.applications = applications;
        this.organisations = organisations;
    }

    @GetMapping("/challenges/{id}/results")
    String results(@PathVariable UUID id, Model model) {
        Challenges.ChallengeView challenge = challenges.find(id).filter(c -> c.callClosesAt() != null)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Applications.PublicResults results = applications.publicResults(id);
        model.addAttribute("challenge", challenge);
        model.addAttribute("results", results);
        model.addAttribute("selected", results.selected().stream()
                .map(a -> new Selected(organisations.displayName(a.companyGroup()), a.solutionTitle())).toList());
        model.addAttribute("cityName", organisations.displayName(challenge.cityGroup()));
        return "challenge/results";
    }

    record Selected(String company, String solution) {}
}
