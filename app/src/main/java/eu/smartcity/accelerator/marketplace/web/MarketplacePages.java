package eu.smartcity.accelerator.marketplace.web;

import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.identity.CurrentUser;
import eu.smartcity.accelerator.identity.Roles;
import eu.smartcity.accelerator.marketplace.MarketplaceVocabulary;
import eu.smartcity.accelerator.marketplace.internal.Catalogue;
import eu.smartcity.accelerator.marketplace.internal.CatalogueSearch;
import eu.smartcity.accelerator.marketplace.internal.ContractDocument;
import eu.smartcity.accelerator.marketplace.internal.Demand;
import eu.smartcity.accelerator.marketplace.internal.Framework;
import eu.smartcity.accelerator.marketplace.internal.FrameworkContracts;
import eu.smartcity.accelerator.marketplace.internal.Library;
import eu.smartcity.accelerator.marketplace.internal.NotFoundException;
import eu.smartcity.accelerator.marketplace.internal.ReplicationStarter;
import eu.smartcity.accelerator.marketplace.internal.Solution;
import eu.smartcity.accelerator.marketplace.internal.SolutionAlerts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The marketplace pages (public browsing; suppliers, city officers and coordinators act on their own behalf). */
@Controller
class MarketplacePages {

    static final int PAGE_SIZE = 20;

    private final Catalogue catalogue;
    private final FrameworkContracts frameworks;
    private final Library library;
    private final ReplicationStarter replications;
    private final Demand demand;
    private final Challenges challenges;
    private final SolutionAlerts alerts;

    MarketplacePages(Catalogue catalogue, FrameworkContracts frameworks, Library library, ReplicationStarter replications,
            Demand demand, Challenges challenges, SolutionAlerts alerts) {
        this.alerts = alerts;
        this.catalogue = catalogue;
        this.frameworks = frameworks;
        this.library = library;
        this.replications = replications;
        this.demand = demand;
        this.challenges = challenges;
    }

    // ---- search -------------------------------------------------------------------------------

    /** The full page, or only the results fragment for htmx (HX-Request). */
    @GetMapping("/marketplace")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String domain,
            @RequestParam(required = false) String priceModel, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        String d = in(MarketplaceVocabulary.DOMAINS, domain) ? domain : null;
        String p = in(MarketplaceVocabulary.PRICE_MODELS, priceModel) ? priceModel : null;
        CatalogueSearch.Result result = catalogue.search(new CatalogueSearch.Query(q, d, p, null, Math.max(0, page), PAGE_SIZE), true);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("domain", d);
        model.addAttribute("priceModel", p);
        model.addAttribute("result", result);
        model.addAttribute("ratings", catalogue.ratings(result.hits().stream().map(CatalogueSearch.Hit::id).toList()));
        model.addAttribute("domains", MarketplaceVocabulary.DOMAINS);
        model.addAttribute("priceModels", MarketplaceVocabulary.PRICE_MODELS);
        return htmx != null ? "marketplace/partials/results :: results" : "marketplace/search";
    }

    @GetMapping("/marketplace/guided")
    String guided(@RequestParam(required = false) String domain, @RequestParam(required = false) String budget,
            @RequestParam(required = false) String population, @RequestParam(required = false) Boolean dataAvailable,
            @RequestParam(required = false) String route, Model model) {
        model.addAttribute("domains", MarketplaceVocabulary.DOMAINS);
        model.addAttribute("routes", MarketplaceVocabulary.ROUTES);
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("domain", domain);
        raw.put("budget", budget);
        raw.put("population", population);
        raw.put("route", route);
        model.addAttribute("raw", raw);
        model.addAttribute("dataAvailable", Boolean.TRUE.equals(dataAvailable));
        if (domain == null && budget == null && population == null) {
            model.addAttribute("problems", Map.of());
            return "marketplace/guided";
        }
        Map<String, String> problems = new LinkedHashMap<>();
        if (!in(MarketplaceVocabulary.DOMAINS, domain)) {
            problems.put("domain", "market.guided.domainProblem");
        }
        BigDecimal budgetValue = positiveNumber(budget, "budget", problems);
        BigDecimal populationValue = positiveNumber(population, "population", problems);
        if (!in(MarketplaceVocabulary.ROUTES, route)) {
            problems.put("route", "market.guided.routeProblem");
        }
        model.addAttribute("problems", problems);
        if (problems.isEmpty()) {
            model.addAttribute("matches", catalogue.guided(new Catalogue.GuidedAnswers(domain, budgetValue,
                    populationValue.longValue(), Boolean.TRUE.equals(dataAvailable), route)));
            // the reasons name the city's own figures next to the solution's
            model.addAttribute("askedBudget", budgetValue);
            model.addAttribute("askedPopulation", populationValue.longValue());
        }
        return "marketplace/guided";
    }

    private static BigDecimal positiveNumber(String text, String field, Map<String, String> problems) {
        try {
            BigDecimal value = new BigDecimal(text.trim().replace(" ", "").replace(",", ""));
            if (value.signum() > 0 && value.compareTo(new BigDecimal("1000000000")) < 0) {
                return value;
            }
        } catch (RuntimeException e) {
            // falls through to the problem
        }
        problems.put(field, "market.error.positiveNumber");
        return BigDecimal.ONE;
    }

    // ---- solutions ----------------------------------------------------------------------------

    @GetMapping("/marketplace/solutions/{id}")
    String solution(@PathVariable UUID id, Authentication authentication, Model model) {
        Catalogue.SolutionView view = catalogue.view(id).orElseThrow(() -> new NotFoundException("solution " + id));
        model.addAttribute("view", view);
        model.addAttribute("frameworks", frameworks.find(new FrameworkContracts.Filter(null, null, id, null)));
        model.addAttribute("today", frameworks.today());
        model.addAttribute("myCity", city(authentication));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", Map.of());
            model.addAttribute("raw", Map.of());
        }
        return "marketplace/solution";
    }

    @PostMapping("/marketplace/city/solutions/{id}/reviews")
    String review(@PathVariable UUID id, @RequestParam Map<String, String> form, Authentication authentication, Model model,
            RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.of(authentication);
        String city = user.city().orElseThrow(() -> new NotFoundException("city for " + user.userId()));
        Map<String, String> problems = new LinkedHashMap<>();
        int rating = 0;
        try {
            rating = Integer.parseInt(form.getOrDefault("rating", ""));
        } catch (NumberFormatException e) {
            // below
        }
        if (rating < 1 || rating > 5) {
            problems.put("rating", "market.review.ratingProblem");
        }
        String comment = form.getOrDefault("comment", "").trim();
        if (comment.isEmpty() || comment.length() > 2000) {
            problems.put("comment", "market.review.commentProblem");
        }
        Integer year = null;
        String yearText = form.getOrDefault("startedYear", "").trim();
        if (!yearText.isEmpty()) {
            try {
                year = Integer.parseInt(yearText);
                if (year < 1990 || year > LocalDate.now().getYear()) {
                    problems.put("startedYear", "market.review.yearProblem");
                }
            } catch (NumberFormatException e) {
                problems.put("startedYear", "market.review.yearProblem");
            }
        }
        String summary = form.getOrDefault("summary", "").trim();
        if (summary.length() > 2000) {
            problems.put("summary", "market.error.tooLong");
        }
        if (!problems.isEmpty() || !"true".equals(form.get("confirmed"))) {
            // a published review names the city and cannot be withdrawn: a valid form first comes back, kept, with the question
            model.addAttribute("problems", problems);
            model.addAttribute("raw", form);
            model.addAttribute("confirmingReview", problems.isEmpty());
            return solution(id, authentication, model);
        }
        catalogue.reviewOutside(id, city, user.userId(), year, summary.isEmpty() ? null : summary, rating, comment);
        redirect.addFlashAttribute("notice", "market.review.saved");
        return "redirect:/marketplace/solutions/" + id;
    }

    @PostMapping("/marketplace/city/implementations/{id}/replicate")
    String replicate(@PathVariable UUID id, @RequestParam(required = false) String confirmed, Authentication authentication,
            RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.of(authentication);
        String city = user.city().orElseThrow(() -> new NotFoundException("city for " + user.userId()));
        UUID solutionId = catalogue.implementation(id).orElseThrow(() -> new NotFoundException("implementation " + id)).solutionId();
        if (!"true".equals(confirmed)) {
            // starts a process that asks the supplier and leads to a contract: the first click only asks
            redirect.addFlashAttribute("confirmReplicate", id);
            return "redirect:/marketplace/solutions/" + solutionId;
        }
        try {
            replications.start(id, city, user.userId());
            redirect.addFlashAttribute("notice", "market.replicate.started");
        } catch (FrameworkContracts.JoinNotPossibleException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/marketplace/solutions/" + solutionId;
    }

    // ---- suppliers' own solutions ------------------------------------------------------------

    @GetMapping("/marketplace/my-solutions")
    String mySolutions(Authentication authentication, Model model) {
        model.addAttribute("solutions", catalogue.ofSupplier(company(authentication)));
        return "marketplace/my-solutions";
    }

    @GetMapping("/marketplace/my-solutions/new")
    String newSolution(Model model) {
        return solutionForm(model, null, Map.of(), Map.of());
    }

    @GetMapping("/marketplace/my-solutions/{id}")
    String editSolution(@PathVariable UUID id, Authentication authentication, Model model) {
        Solution solution = catalogue.ownedBy(id, company(authentication));
        Solution.Facts f = solution.facts();
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("name", f.name());
        raw.put("domain", f.domain());
        raw.put("description", f.description());
        raw.put("trl", String.valueOf(f.trl()));
        raw.put("priceModel", f.priceModel());
        raw.put("indicativeCost", f.indicativeCost().toPlainString());
        raw.put("minPopulation", String.valueOf(f.minPopulation()));
        raw.put("needsCityData", String.valueOf(f.needsCityData()));
        raw.put("procurementRoute", f.procurementRoute());
        raw.put("standards", f.standards());
        raw.put("dataHosting", f.dataHosting());
        raw.put("gdpr", f.gdpr());
        raw.put("languages", f.languages());
        raw.put("references", f.references());
        return solutionForm(model, id, raw, Map.of());
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
    String saveSolution(@PathVariable(required = false) UUID id, @RequestParam Map<String, String> form, Authentication authentication,
            Model model) {
        String company = company(authentication);
        if (id != null) {
            catalogue.ownedBy(id, company); // another company's solution: 404 before anything else is looked at
        }
        Map<String, String> problems = new LinkedHashMap<>();
        String name = required(form, "name", 200, problems);
        String description = required(form, "description", 4000, problems);
        String domain = form.get("domain");
        if (!in(MarketplaceVocabulary.DOMAINS, domain)) {
            problems.put("domain", "market.error.choose");
        }
        String priceModel = form.get("priceModel");
        if (!in(MarketplaceVocabulary.PRICE_MODELS, priceModel)) {
            problems.put("priceModel", "market.error.choose");
        }
        String route = form.get("procurementRoute");
        if (!in(MarketplaceVocabulary.ROUTES, route)) {
            problems.put("procurementRoute", "market.error.choose");
        }
        int trl = 0;
        try {
            trl = Integer.parseInt(form.getOrDefault("trl", "").trim());
        } catch (NumberFormatException e) {
            // below
        }
        if (trl < 1 || trl > 9) {
            problems.put("trl", "market.solution.trlProblem");
        }
        BigDecimal cost = positiveNumber(form.getOrDefault("indicativeCost", ""), "indicativeCost", problems);
        long minPopulation = -1;
        try {
            minPopulation = Long.parseLong(form.getOrDefault("minPopulation", "").trim());
        } catch (NumberFormatException e) {
            // below
        }
        if (minPopulation < 0) {
            problems.put("minPopulation", "market.error.zeroOrMore");
        }
        String standards = optional(form, "standards", 400, problems);
        String hosting = optional(form, "dataHosting", 400, problems);
        String gdpr = optional(form, "gdpr", 1000, problems);
        String languages = optional(form, "languages", 100, problems);
        String references = optional(form, "references", 2000, problems);
        if (!problems.isEmpty()) {
            return solutionForm(model, id, form, problems);
        }
        Solution.Facts facts = new Solution.Facts(name, domain, description, trl, priceModel, cost, minPopulation,
                "true".equals(form.get("needsCityData")) || "on".equals(form.get("needsCityData")), route, standards, hosting, gdpr,
                languages, references);
        Solution saved = id == null ? catalogue.register(company, facts) : catalogue.update(id, company, facts);
        return "redirect:/marketplace/solutions/" + saved.id();
    }

    // ---- framework contracts -------------------------------------------------------------------

    @GetMapping("/marketplace/frameworks")
    String frameworkList(@RequestParam(required = false) String domain, @RequestParam(required = false) String supplier,
            @RequestParam(required = false) UUID solution, @RequestParam(required = false) String status, Model model) {
        String d = in(MarketplaceVocabulary.DOMAINS, domain) ? domain : null;
        String s = StringUtils.hasText(supplier) ? supplier.trim() : null;
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
        String city = city(authentication);
        model.addAttribute("myCity", city);
        model.addAttribute("mayAsk", city != null && !view.expired() && f.joinable(frameworks.today()) && f.mayJoin(city));
        model.addAttribute("solutions", f.solutionIds().stream().map(catalogue::find).flatMap(java.util.Optional::stream).toList());
        // who asked to join is shown to the contracting authority only; others see the counts by status
        model.addAttribute("isAuthority", f.authorityGroup().equals(city));
        return "marketplace/framework";
    }

    @PostMapping("/marketplace/city/frameworks/{id}/join")
    String join(@PathVariable UUID id, @RequestParam(required = false) String confirmed, Authentication authentication,
            RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.of(authentication);
        String city = user.city().orElseThrow(() -> new NotFoundException("city for " + user.userId()));
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
    String registerFramework(@RequestParam Map<String, String> form, Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        String city = user.city().orElseThrow(() -> new NotFoundException("city for " + user.userId()));
        Map<String, String> problems = new LinkedHashMap<>();
        String title = required(form, "title", 200, problems);
        String domain = form.get("domain");
        if (!in(MarketplaceVocabulary.DOMAINS, domain)) {
            problems.put("domain", "market.error.choose");
        }
        String description = optional(form, "description", 4000, problems);
        LocalDate from = date(form, "validFrom", problems);
        LocalDate until = date(form, "validUntil", problems);
        if (from != null && until != null && until.isBefore(from)) {
            problems.put("validUntil", "market.framework.untilBeforeFrom");
        }
        List<String> lots = lines(form.get("lots"));
        if (lots.isEmpty()) {
            problems.put("lots", "market.framework.lotsProblem");
        }
        Set<String> suppliers = new LinkedHashSet<>(words(form.get("suppliers")));
        if (suppliers.isEmpty() || suppliers.stream().anyMatch(s -> !s.matches("company-[a-z0-9-]+"))) {
            problems.put("suppliers", "market.framework.suppliersProblem");
        }
        Set<UUID> solutionIds = new LinkedHashSet<>();
        for (String s : words(form.get("solutionIds"))) {
            try {
                UUID sid = UUID.fromString(s);
                if (catalogue.find(sid).isEmpty()) {
                    throw new IllegalArgumentException(s);
                }
                solutionIds.add(sid);
            } catch (IllegalArgumentException e) {
                problems.put("solutionIds", "market.framework.solutionsProblem");
            }
        }
        boolean openToAll = "on".equals(form.get("openToAll")) || "true".equals(form.get("openToAll"));
        Set<String> authorities = new LinkedHashSet<>(words(form.get("eligibleAuthorities")));
        if (!openToAll && (authorities.isEmpty() || authorities.stream().anyMatch(a -> !a.matches("city-[a-z0-9-]+")))) {
            problems.put("eligibleAuthorities", "market.framework.authoritiesProblem");
        }
        String docTitle = optional(form, "documentTitle", 200, problems);
        String docBody = optional(form, "documentBody", 20000, problems);
        if (docBody != null && docTitle == null) {
            problems.put("documentTitle", "market.error.required");
        }
        if (!problems.isEmpty()) {
            return frameworkForm(model, form, problems);
        }
        Framework framework = frameworks.register(city, user.userId(), new Framework.Terms(title, domain, description, from, until,
                lots, suppliers, solutionIds, openToAll, authorities),
                docBody == null ? List.of() : List.of(new FrameworkContracts.DocumentDraft(docTitle, docBody)));
        return "redirect:/marketplace/frameworks/" + framework.id();
    }

    // ---- document library -----------------------------------------------------------------------

    @GetMapping("/marketplace/documents")
    String documents(@RequestParam(required = false) String q, @RequestParam(required = false) String kind, Model model) {
        String k = in(MarketplaceVocabulary.DOCUMENT_KINDS, kind) ? kind : null;
        model.addAttribute("documents", library.search(q, k));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("kind", k);
        model.addAttribute("kinds", MarketplaceVocabulary.DOCUMENT_KINDS);
        return "marketplace/documents";
    }

    @GetMapping("/marketplace/documents/{id}")
    String document(@PathVariable UUID id, Model model) {
        ContractDocument document = library.find(id).orElseThrow(() -> new NotFoundException("document " + id));
        model.addAttribute("document", document);
        model.addAttribute("challenge", document.challengeId() == null ? null : challenges.find(document.challengeId()).orElse(null));
        model.addAttribute("framework", document.frameworkId() == null ? null
                : frameworks.view(document.frameworkId()).map(FrameworkContracts.FrameworkView::framework).orElse(null));
        return "marketplace/document";
    }

    @GetMapping("/marketplace/city/documents/new")
    String newDocument(Authentication authentication, Model model) {
        return documentForm(model, authentication, Map.of(), Map.of());
    }

    private String documentForm(Model model, Authentication authentication, Map<String, String> raw, Map<String, String> problems) {
        String city = city(authentication);
        model.addAttribute("raw", raw);
        model.addAttribute("problems", problems);
        model.addAttribute("domains", MarketplaceVocabulary.DOMAINS);
        model.addAttribute("kinds", MarketplaceVocabulary.DOCUMENT_KINDS);
        model.addAttribute("challenges", city == null ? List.of() : challenges.ofCity(city));
        model.addAttribute("frameworks", frameworks.find(new FrameworkContracts.Filter(null, null, null, null)).stream()
                .filter(f -> f.authorityGroup().equals(city)).toList());
        return "marketplace/document-form";
    }

    @PostMapping("/marketplace/city/documents/new")
    String shareDocument(@RequestParam Map<String, String> form, Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        String city = user.city().orElseThrow(() -> new NotFoundException("city for " + user.userId()));
        Map<String, String> problems = new LinkedHashMap<>();
        String title = required(form, "title", 200, problems);
        String body = required(form, "body", 20000, problems);
        String kind = form.get("kind");
        if (!in(MarketplaceVocabulary.DOCUMENT_KINDS, kind)) {
            problems.put("kind", "market.error.choose");
        }
        String domain = form.get("domain");
        if (!in(MarketplaceVocabulary.DOMAINS, domain)) {
            problems.put("domain", "market.error.choose");
        }
        UUID challengeId = ownId(form.get("challengeId"), challenges.ofCity(city).stream().map(Challenges.ChallengeView::id).toList());
        UUID frameworkId = ownId(form.get("frameworkId"), frameworks.find(new FrameworkContracts.Filter(null, null, null, null)).stream()
                .filter(f -> f.authorityGroup().equals(city)).map(Framework::id).toList());
        if ("past-contract".equals(kind) && challengeId == null && frameworkId == null) {
            problems.put("challengeId", "market.document.originProblem");
        }
        if (!problems.isEmpty()) {
            return documentForm(model, authentication, form, problems);
        }
        if (!"true".equals(form.get("confirmed"))) {
            // published to every visitor and not withdrawable: the valid form comes back once, kept, with the question
            model.addAttribute("confirming", true);
            return documentForm(model, authentication, form, problems);
        }
        ContractDocument document = library.share(title, kind, domain, city, challengeId, frameworkId, body);
        return "redirect:/marketplace/documents/" + document.id();
    }

    private static UUID ownId(String text, List<UUID> own) {
        if (!StringUtils.hasText(text)) {
            return null;
        }
        try {
            UUID id = UUID.fromString(text);
            return own.contains(id) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ---- prospection --------------------------------------------------------------------------

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

    // ---- helpers --------------------------------------------------------------------------------

    /** Null-safe membership (immutable lists refuse contains(null)). */
    static boolean in(List<String> options, String value) {
        return value != null && options.contains(value);
    }

    private static String city(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        CurrentUser user = CurrentUser.of(authentication);
        return user.has(Roles.CITY_OFFICERS) ? user.city().orElse(null) : null;
    }

    private static String company(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        return user.company().orElseThrow(() -> new NotFoundException("company for " + user.userId()));
    }

    private static String required(Map<String, String> form, String field, int max, Map<String, String> problems) {
        String value = form.getOrDefault(field, "").trim();
        if (value.isEmpty()) {
            problems.put(field, "market.error.required");
        } else if (value.length() > max) {
            problems.put(field, "market.error.tooLong");
        }
        return value;
    }

    private static String optional(Map<String, String> form, String field, int max, Map<String, String> problems) {
        String value = form.getOrDefault(field, "").trim();
        if (value.length() > max) {
            problems.put(field, "market.error.tooLong");
        }
        return value.isEmpty() ? null : value;
    }

    private static LocalDate date(Map<String, String> form, String field, Map<String, String> problems) {
        try {
            return LocalDate.parse(form.getOrDefault(field, "").trim());
        } catch (DateTimeParseException e) {
            problems.put(field, "market.error.date");
            return null;
        }
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(line.trim().length() > 400 ? line.trim().substring(0, 400) : line.trim());
                }
            }
        }
        return lines;
    }

    private static List<String> words(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[\\s,;]+")).filter(s -> !s.isBlank()).map(String::trim).toList();
    }
}
