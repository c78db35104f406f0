package eu.smartcity.accelerator.cycle.web;

import eu.smartcity.accelerator.cycle.BylawsVersions;
import eu.smartcity.accelerator.cycle.Cycles;
import java.util.Comparator;
import java.util.UUID;
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
 * Coordinators open cycles under a published bylaws version (several may run at once) and close them: closing
 * completes the accelerator-cycle process's close step, which writes the cycle report, and shows that report.
 */
@Controller
class CyclePages {

    private final Cycles cycles;
    private final BylawsVersions versions;

    CyclePages(Cycles cycles, BylawsVersions versions) {
        this.cycles = cycles;
        this.versions = versions;
    }

    @GetMapping("/coordinator/cycles")
    String list(Authentication authentication, Model model) {
        BylawsAdminPages.coordinator(authentication);
        // open cycles first, then by name
        model.addAttribute("cycles", cycles.all().stream().sorted(Comparator.comparing((Cycles.CycleView c) -> !"OPEN".equals(c.status()))
                .thenComparing(Cycles.CycleView::name)).toList());
        model.addAttribute("published", versions.all().stream().filter(BylawsVersions.VersionView::published).toList());
        model.addAttribute("selectedVersion", model.containsAttribute("selectedVersion") ? model.getAttribute("selectedVersion")
                : versions.latestPublished().map(BylawsVersions.VersionView::version).orElse(null));
        return "cycle/cycles";
    }

    @PostMapping("/coordinator/cycles")
    String open(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String bylawsVersion,
            Authentication authentication, Model model, RedirectAttributes redirect) {
        BylawsAdminPages.coordinator(authentication);
        boolean nameOk = !name.isBlank() && name.trim().length() <= 200;
        boolean versionOk = versions.find(bylawsVersion).filter(BylawsVersions.VersionView::published).isPresent();
        if (!nameOk || !versionOk) {
            model.addAttribute("invalid", true);
            model.addAttribute("nameProblem", !nameOk);
            model.addAttribute("versionProblem", !versionOk);
            model.addAttribute("name", name);
            model.addAttribute("selectedVersion", bylawsVersion);
            return list(authentication, model);
        }
        Cycles.CycleView cycle = cycles.open(name.trim(), bylawsVersion);
        redirect.addFlashAttribute("opened", cycle.name());
        return "redirect:/coordinator/cycles";
    }

    @PostMapping("/coordinator/cycles/{id}/close")
    String close(@PathVariable UUID id, @RequestParam(required = false) String confirmed, Authentication authentication,
            RedirectAttributes redirect) {
        String coordinator = BylawsAdminPages.coordinator(authentication);
        Cycles.CycleView cycle = cycles.all().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!"OPEN".equals(cycle.status())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        if (!"true".equals(confirmed)) {
            // a closed cycle takes no new challenges and is never reopened: the first click only asks
            redirect.addFlashAttribute("confirmClose", id);
            return "redirect:/coordinator/cycles#cycle-" + id;
        }
        cycles.closeByCoordinator(id, coordinator);
        redirect.addFlashAttribute("closed", true);
        return "redirect:/coordinator/cycles/" + id + "/report"; // the cycle report (documents feature)
    }
}
