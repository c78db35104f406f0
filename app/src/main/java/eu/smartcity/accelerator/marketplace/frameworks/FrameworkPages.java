package eu.smartcity.accelerator.marketplace.frameworks;

import eu.smartcity.accelerator.identity.CurrentUser;
import eu.smartcity.accelerator.marketplace.MarketplaceVocabulary;
import eu.smartcity.accelerator.marketplace.catalogue.Catalogue;
import eu.smartcity.accelerator.marketplace.internal.NotFoundException;
import eu.smartcity.accelerator.marketplace.web.Chosen.Vocabulary;
import eu.smartcity.accelerator.marketplace.web.MarketplaceForms;
import jakarta.validation.Valid;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Framework contracts: the public list and page, a city asking to join one, and a city registering its own. */
@Controller
class FrameworkPages {

    private final FrameworkContracts frameworks;
    private final Catalogue catalogue;

    FrameworkPages(FrameworkContracts frameworks, Catalogue catalogue) {
        this.frameworks = frameworks;
        this.catalogue = catalogue;
    }

    @GetMapping("/marketplace/frameworks")
    String frameworkList(@RequestParam(required = false) String domain, @RequestParam(required = false) String supplier,
            @RequestParam(required = false) UUID solution, @RequestParam(required = false) String status, Model model) {
        String d = Vocabulary.DOMAINS.has(domain) ? domain : null;
        String s = MarketplaceForms.trimmed(supplier);
        String st = "valid".equals(status) || "expired".equals(status) ? status : null;
        model.addAttribute("frameworks", frameworks.find(new FrameworkContracts.Filter(d, s, solution, st)));
        model.addAttribute("today", frameworks.today());
        model.addAttribute("domains", MarketplaceVocabulary.DOMAINS);
        model.addAttribute("domain", d);
        model.addAttribute("supplier", s == null ? "" : s);
        // the filter offers the suppliers that hold a framework contract, by name (never an organisation id to type)
        model.addAttribute("suppliers", frameworks.find(new FrameworkContracts.Filter(null, null, null, null)).stream()
                .flatMap(f -> f.suppliers().stream()).distinct().sorted().toList());
        model.addAttribute("status", st);
        model.addAttribute("solutionId", solution);
        return "marketplace/frameworks";
    }

    @GetMapping("/marketplace/frameworks/{id}")
    String framework(@PathVariable UUID id, Authentication authentication, Model model) {
        FrameworkContracts.FrameworkView view = frameworks.view(id).orElseThrow(() -> new NotFoundException("framework contract " + id));
        model.addAttribute("view", view);
        Framework f = view.framework();
        String city = MarketplaceForms.city(authentication);
        model.addAttribute("myCity", city);
        model.addAttribute("mayAsk", city != null && !view.expired() && f.joinable(frameworks.today()) && f.mayJoin(city));
        model.addAttribute("solutions", f.solutionIds().stream().map(catalogue::find).flatMap(Optional::stream).toList());
        // who asked to join is shown to the contracting authority only; others see the counts by status
        model.addAttribute("isAuthority", f.authorityGroup().equals(city));
        return "marketplace/framework";
    }

    @PostMapping("/marketplace/city/frameworks/{id}/join")
    String join(@PathVariable UUID id, @RequestParam(required = false) String confirmed, Authentication authentication,
            RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.of(authentication);
        String city = MarketplaceForms.ownCity(user);
        frameworks.view(id).orElseThrow(() -> new NotFoundException("framework contract " + id));
        if (!"true".equals(confirmed)) {
            // a request the contracting authority receives and that cannot be taken back: the first click only asks
            redirect.addFlashAttribute("confirmJoin", true);
            return "redirect:/marketplace/frameworks/" + id;
        }
        try {
            frameworks.askToJoin(id, city, user.userId());
            redirect.addFlashAttribute("notice", "market.join.asked");
        } catch (FrameworkContracts.JoinNotPossibleException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/marketplace/frameworks/" + id;
    }

    @GetMapping("/marketplace/city/frameworks/new")
    String newFramework(Model model) {
        return frameworkForm(model, Map.of(), Map.of());
    }

    private String frameworkForm(Model model, Map<String, String> raw, Map<String, String> problems) {
        model.addAttribute("raw", raw);
        model.addAttribute("problems", problems);
        model.addAttribute("domains", MarketplaceVocabulary.DOMAINS);
        return "marketplace/framework-form";
    }

    @PostMapping("/marketplace/city/frameworks/new")
    String registerFramework(@Valid @ModelAttribute("frameworkForm") FrameworkForm form, BindingResult errors,
            @RequestParam Map<String, String> raw, Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        String city = MarketplaceForms.ownCity(user);
        Map<String, String> problems = MarketplaceForms.problems(form, errors, raw);
        form.crossCheck(problems);
        Set<UUID> solutionIds = new LinkedHashSet<>();
        for (String s : FrameworkForm.words(form.solutionIds())) {
            listedSolution(s).ifPresentOrElse(solutionIds::add, () -> problems.putIfAbsent("solutionIds", "market.framework.solutionsProblem"));
        }
        if (!problems.isEmpty()) {
            return frameworkForm(model, raw, problems);
        }
        Framework framework = frameworks.register(city, user.userId(), form.terms(solutionIds), form.documents());
        return "redirect:/marketplace/frameworks/" + framework.id();
    }

    /** A solution id of the catalogue, or empty for anything else typed. */
    private Optional<UUID> listedSolution(String text) {
        try {
            UUID id = UUID.fromString(text);
            return catalogue.find(id).map(s -> id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
