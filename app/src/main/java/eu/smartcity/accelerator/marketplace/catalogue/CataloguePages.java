package eu.smartcity.accelerator.marketplace.catalogue;

import eu.smartcity.accelerator.marketplace.MarketplaceVocabulary;
import eu.smartcity.accelerator.marketplace.web.Chosen.Vocabulary;
import eu.smartcity.accelerator.marketplace.web.MarketplaceForms;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** Finding a solution: the public search with its facets, and the guided filter. */
@Controller
class CataloguePages {

    static final int PAGE_SIZE = 20;

    private final Catalogue catalogue;

    CataloguePages(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The full page, or only the results fragment for htmx (HX-Request). */
    @GetMapping("/marketplace")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String domain,
            @RequestParam(required = false) String priceModel, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, HttpServletResponse response) {
        CatalogueSearch.Query query = query(q, domain, priceModel, page);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("domain", query.domain());
        model.addAttribute("priceModel", query.priceModel());
        model.addAttribute("domains", MarketplaceVocabulary.DOMAINS);
        model.addAttribute("priceModels", MarketplaceVocabulary.PRICE_MODELS);
        try {
            CatalogueSearch.Result result = catalogue.search(query, true);
            model.addAttribute("result", result);
            model.addAttribute("ratings", catalogue.ratings(result.hits().stream().map(CatalogueSearch.Hit::id).toList()));
        } catch (CatalogueSearch.Busy busy) {
            // the search form with "busy, try again" instead of results; a 503 is neither kept by the page cache nor
            // by a browser, and htmx swaps it in (layout.html, responseHandling)
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(CatalogueSearch.Busy.RETRY_AFTER_SECONDS));
            model.addAttribute("busy", true);
        }
        return htmx != null ? "marketplace/partials/results :: results" : "marketplace/search";
    }

    static CatalogueSearch.Query query(String q, String domain, String priceModel, int page) {
        String d = Vocabulary.DOMAINS.has(domain) ? domain : null;
        String p = Vocabulary.PRICE_MODELS.has(priceModel) ? priceModel : null;
        return new CatalogueSearch.Query(q, d, p, null, Math.max(0, page), PAGE_SIZE);
    }

    /** A visitor's search answered by the page cache is demand all the same. */
    @org.springframework.stereotype.Component
    static class CachedSearchDemand implements eu.smartcity.accelerator.shared.PageCacheHits {

        private final Catalogue catalogue;

        CachedSearchDemand(Catalogue catalogue) {
            this.catalogue = catalogue;
        }

        @Override
        public void served(jakarta.servlet.http.HttpServletRequest request) {
            if (!"/marketplace".equals(request.getRequestURI())) {
                return;
            }
            int page;
            try {
                page = request.getParameter("page") == null ? 0 : Integer.parseInt(request.getParameter("page"));
            } catch (NumberFormatException e) {
                return; // the page itself answers 400 to that; nothing was searched
            }
            catalogue.countDemand(query(request.getParameter("q"), request.getParameter("domain"), request.getParameter("priceModel"), page));
        }
    }

    /** Without answers: the questions; with them: the problems next to the fields, or the matches and why. */
    @GetMapping("/marketplace/guided")
    String guided(@Valid @ModelAttribute("guidedForm") GuidedForm form, BindingResult errors, @RequestParam Map<String, String> raw,
            Model model) {
        model.addAttribute("domains", MarketplaceVocabulary.DOMAINS);
        model.addAttribute("routes", MarketplaceVocabulary.ROUTES);
        model.addAttribute("raw", raw);
        model.addAttribute("dataAvailable", Boolean.TRUE.equals(form.dataAvailable()));
        if (raw.get("domain") == null && raw.get("budget") == null && raw.get("population") == null) {
            model.addAttribute("problems", Map.of());
            return "marketplace/guided";
        }
        Map<String, String> problems = MarketplaceForms.problems(form, errors, raw);
        model.addAttribute("problems", problems);
        if (problems.isEmpty()) {
            Catalogue.GuidedAnswers answers = form.answers();
            model.addAttribute("matches", catalogue.guided(answers));
            // the reasons name the city's own figures next to the solution's
            model.addAttribute("askedBudget", answers.budget());
            model.addAttribute("askedPopulation", answers.population());
        }
        return "marketplace/guided";
    }
}
