package eu.smartcity.accelerator.marketplace.prospection;

import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.identity.CurrentUser;
import eu.smartcity.accelerator.marketplace.catalogue.Catalogue;
import eu.smartcity.accelerator.marketplace.catalogue.Solution;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** What suppliers may look for: their solutions matching open challenges, and what cities search for. */
@Controller
class ProspectionPages {

    private final SolutionAlerts alerts;
    private final Demand demand;
    private final Challenges challenges;
    private final Catalogue catalogue;

    ProspectionPages(SolutionAlerts alerts, Demand demand, Challenges challenges, Catalogue catalogue) {
        this.alerts = alerts;
        this.demand = demand;
        this.challenges = challenges;
        this.catalogue = catalogue;
    }

    @GetMapping("/marketplace/prospection")
    String prospection(Authentication authentication, Locale locale, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        // a supplier sees the matches of its own solutions only; a coordinator has no catalogue of its own
        model.addAttribute("supplier", user.company().isPresent());
        model.addAttribute("matches", user.company().map(company -> matches(company, locale)).orElse(List.of()));
        model.addAttribute("openChallenges", challenges.published());
        model.addAttribute("terms", demand.top(Demand.TERM, 90, 20));
        model.addAttribute("domainFilters", demand.top(Demand.DOMAIN, 90, 20));
        model.addAttribute("guided", demand.top(Demand.GUIDED, 90, 20));
        model.addAttribute("minCount", Demand.MIN_COUNT);
        return "marketplace/prospection";
    }

    /** One row of the supplier's matches: the challenge, its own solution, the score and the reasons worded. */
    public record MatchRow(Challenges.ChallengeView challenge, Solution solution, double score, List<String> reasons) {
        public long percent() {
            return Math.round(score);
        }
    }

    private List<MatchRow> matches(String company, Locale locale) {
        List<MatchRow> rows = new ArrayList<>();
        for (SolutionAlerts.Alert alert : alerts.ofSupplier(company)) {
            var challenge = challenges.find(alert.challengeId());
            var solution = catalogue.find(alert.solutionId()).filter(s -> s.supplierGroup().equals(company));
            if (challenge.isPresent() && solution.isPresent()) {
                rows.add(new MatchRow(challenge.get(), solution.get(), alert.score(),
                        alerts.reasons(alert.ruleIds(), solution.get(), challenge.get(), locale)));
            }
        }
        return rows;
    }
}
