package eu.smartcity.accelerator.documents.web;

import eu.smartcity.accelerator.documents.Documents;
import eu.smartcity.accelerator.documents.Reports;
import eu.smartcity.accelerator.identity.CurrentUser;
import eu.smartcity.accelerator.identity.Roles;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The cycle report as a page, from the same records as the PDF: how many challenges, applications, eligible
 * applications, contracts (a selected company), pilots and evaluations, and each challenge's figures. Coordinators only,
 * as the PDF (a running cycle's report is not public).
 */
@Controller
class CycleReportPage {

    private final Reports reports;

    CycleReportPage(Reports reports) {
        this.reports = reports;
    }

    /** The totals the page states first. */
    record Totals(int challenges, int applications, int eligible, long contracts, long pilots, long evaluated) {

        static Totals of(Documents.CycleReport report) {
            var c = report.challenges();
            return new Totals(c.size(), c.stream().mapToInt(Documents.ChallengeOutcome::applications).sum(),
                    c.stream().mapToInt(Documents.ChallengeOutcome::eligible).sum(),
                    c.stream().filter(o -> o.contract() != null).count(),
                    c.stream().filter(o -> o.pilot() != null).count(),
                    c.stream().filter(o -> o.verdict() != null).count());
        }
    }

    @GetMapping("/coordinator/cycles/{id}/report")
    String report(@PathVariable UUID id, Authentication authentication, Model model, java.util.Locale locale) {
        if (!CurrentUser.of(authentication).has(Roles.COORDINATORS)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Documents.CycleReport report = reports.cycle(id, locale).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("cycleId", id);
        model.addAttribute("report", report);
        model.addAttribute("totals", Totals.of(report));
        return "documents/cycle-report";
    }
}
