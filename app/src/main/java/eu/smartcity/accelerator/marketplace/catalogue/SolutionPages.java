package eu.smartcity.accelerator.marketplace.catalogue;

import eu.smartcity.accelerator.identity.CurrentUser;
import eu.smartcity.accelerator.marketplace.MarketplaceVocabulary;
import eu.smartcity.accelerator.marketplace.frameworks.FrameworkContracts;
import eu.smartcity.accelerator.marketplace.internal.NotFoundException;
import eu.smartcity.accelerator.marketplace.web.MarketplaceForms;
import jakarta.validation.Valid;
import java.util.Map;
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

/** A solution's page with cities' reviews, and the supplier's own listings. */
@Controller
class SolutionPages {

    private final Catalogue catalogue;
    private final FrameworkContracts frameworks;

    SolutionPages(Catalogue catalogue, FrameworkContracts frameworks) {
        this.catalogue = catalogue;
        this.frameworks = frameworks;
    }

    @GetMapping("/marketplace/solutions/{id}")
    String solution(@PathVariable UUID id, Authentication authentication, Model model) {
        Catalogue.SolutionView view = catalogue.view(id).orElseThrow(() -> new NotFoundException("solution " + id));
        model.addAttribute("view", view);
        model.addAttribute("frameworks", frameworks.find(new FrameworkContracts.Filter(null, null, id, null)));
        model.addAttribute("today", frameworks.today());
        model.addAttribute("myCity", MarketplaceForms.city(authentication));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", Map.of());
            model.addAttribute("raw", Map.of());
        }
        return "marketplace/solution";
    }

    @PostMapping("/marketplace/city/solutions/{id}/reviews")
    String review(@PathVariable UUID id, @Valid @ModelAttribute("reviewForm") ReviewForm form, BindingResult errors,
            @RequestParam Map<String, String> raw, Authentication authentication, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.of(authentication);
        String city = MarketplaceForms.ownCity(user);
        Map<String, String> problems = MarketplaceForms.problems(form, errors, raw);
        if (form.startedInTheFuture()) {
            problems.putIfAbsent("startedYear", "market.review.yearProblem");
        }
        if (!problems.isEmpty() || !Boolean.TRUE.equals(form.confirmed())) {
            // a published review names the city and cannot be withdrawn: a valid form first comes back, kept, with the question
            model.addAttribute("problems", problems);
            model.addAttribute("raw", raw);
            model.addAttribute("confirmingReview", problems.isEmpty());
            return solution(id, authentication, model);
        }
        catalogue.reviewOutside(id, city, user.userId(), form.startedYear(), form.summary(), form.rating(), form.comment());
        redirect.addFlashAttribute("notice", "market.review.saved");
        return "redirect:/marketplace/solutions/" + id;
    }

    @GetMapping("/marketplace/my-solutions")
    String mySolutions(Authentication authentication, Model model) {
        model.addAttribute("solutions", catalogue.ofSupplier(MarketplaceForms.company(authentication)));
        return "marketplace/my-solutions";
    }

    @GetMapping("/marketplace/my-solutions/new")
    String newSolution(Model model) {
        return solutionForm(model, null, Map.of(), Map.of());
    }

    @GetMapping("/marketplace/my-solutions/{id}")
    String editSolution(@PathVariable UUID id, Authentication authentication, Model model) {
        Solution solution = catalogue.ownedBy(id, MarketplaceForms.company(authentication));
        return solutionForm(model, id, SolutionForm.shown(solution.facts()), Map.of());
    }

    private String solutionForm(Model model, UUID id, Map<String, String> raw, Map<String, String> problems) {
        model.addAttribute("solutionId", id);
        model.addAttribute("raw", raw);
        model.addAttribute("problems", problems);
        model.addAttribute("domains", MarketplaceVocabulary.DOMAINS);
        model.addAttribute("priceModels", MarketplaceVocabulary.PRICE_MODELS);
        model.addAttribute("routes", MarketplaceVocabulary.ROUTES);
        return "marketplace/solution-form";
    }

    @PostMapping({"/marketplace/my-solutions/new", "/marketplace/my-solutions/{id}"})
    String saveSolution(@PathVariable(required = false) UUID id, @Valid @ModelAttribute("solutionForm") SolutionForm form,
            BindingResult errors, @RequestParam Map<String, String> raw, Authentication authentication, Model model) {
        String company = MarketplaceForms.company(authentication);
        if (id != null) {
            catalogue.ownedBy(id, company); // another company's solution: 404 before anything else is looked at
        }
        Map<String, String> problems = MarketplaceForms.problems(form, errors, raw);
        if (!problems.isEmpty()) {
            return solutionForm(model, id, raw, problems);
        }
        Solution saved = id == null ? catalogue.register(company, form.facts()) : catalogue.update(id, company, form.facts());
        return "redirect:/marketplace/solutions/" + saved.id();
    }
}
