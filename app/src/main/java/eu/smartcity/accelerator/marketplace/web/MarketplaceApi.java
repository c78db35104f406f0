package eu.smartcity.accelerator.marketplace.web;

import eu.smartcity.accelerator.marketplace.MarketplaceVocabulary;
import eu.smartcity.accelerator.marketplace.catalogue.Catalogue;
import eu.smartcity.accelerator.marketplace.catalogue.CatalogueSearch;
import eu.smartcity.accelerator.marketplace.frameworks.Framework;
import eu.smartcity.accelerator.marketplace.frameworks.FrameworkContracts;
import eu.smartcity.accelerator.marketplace.catalogue.Implementation;
import eu.smartcity.accelerator.marketplace.internal.NotFoundException;
import eu.smartcity.accelerator.marketplace.catalogue.Review;
import eu.smartcity.accelerator.shared.ApiPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The marketplace's public JSON API: solutions (full-text search with facets), implementations with
 * their evaluations and reviews, framework contracts. Ids are the stable UUIDs of the records; lists
 * are paged ({@code page} from 0, {@code size} 1–100) and filtered; errors are RFC 9457 problem details.
 */
@RestController
@RequestMapping(path = "/api/marketplace", produces = "application/json")
@Tag(name = "Marketplace", description = "Solutions, implementations with evaluations and reviews, framework contracts")
class MarketplaceApi {

    private static final CacheControl PUBLIC_1_MIN = CacheControl.maxAge(1, TimeUnit.MINUTES).cachePublic();

    private final Catalogue catalogue;
    private final FrameworkContracts frameworks;
    private final eu.smartcity.accelerator.marketplace.catalogue.Implementations implementations;

    MarketplaceApi(Catalogue catalogue, FrameworkContracts frameworks,
            eu.smartcity.accelerator.marketplace.catalogue.Implementations implementations) {
        this.catalogue = catalogue;
        this.frameworks = frameworks;
        this.implementations = implementations;
    }

    public record SolutionSummary(UUID id, String name, String supplier, String domain, String description, int trl,
            String priceModel, BigDecimal indicativeCost) {}

    /**
     * {@code totalIsLowerBound}: more solutions match than the search reads ({@code total} is that cap, shown as "cap+");
     * {@code facetCountsAreLowerBounds}: the facet counts were made over the first cap matches only.
     */
    public record SolutionSearch(List<SolutionSummary> items, int page, int size, long total, Map<String, Long> domainFacet,
            Map<String, Long> priceModelFacet, boolean totalIsLowerBound, boolean facetCountsAreLowerBounds) {}

    public record RatingJson(double average, int count) {}

    public record SolutionJson(UUID id, String name, String supplier, String domain, String description, int trl, String priceModel,
            BigDecimal indicativeCost, long minPopulation, boolean needsCityData, String procurementRoute, String standards,
            String dataHosting, String gdpr, String languages, String references, RatingJson rating,
            List<ImplementationJson> implementations) {}

    public record EvaluationJson(UUID evaluationId, UUID pilotId, String kpiName, Double kpiTarget, Double kpiResult,
            Double surveyScore, Double measuredScore, Double evidenceGap, String verdict, Instant evaluatedAt) {}

    public record ReviewJson(UUID id, String city, int rating, String comment, Instant createdAt) {}

    public record ImplementationJson(UUID id, UUID solutionId, String city, String source, Integer startedYear, String summary,
            EvaluationJson evaluation, List<ReviewJson> reviews) {}

    public record FrameworkJson(UUID id, String title, String contractingAuthority, String domain, String description,
            LocalDate validFrom, LocalDate validUntil, boolean expired, List<String> lots, List<String> suppliers,
            List<UUID> solutionIds, boolean openToAllAuthorities, List<String> eligibleAuthorities) {}

    @GetMapping("/solutions")
    @Operation(summary = "Search the solution catalogue",
            description = "Full-text search (every word must match, as a word prefix) with facet counts per domain and price model."
                    + " When more searches arrive at once than the server runs in turn: 503 with Retry-After.")
    ResponseEntity<SolutionSearch> solutions(@Parameter(description = "words to search for") @RequestParam(required = false) String q,
            @Parameter(description = "one of " + "mobility, parking, energy, waste, environment, public-space, citizen-participation, water, safety, health, other")
            @RequestParam(required = false) String domain,
            @RequestParam(required = false) String priceModel,
            @Parameter(description = "supplier's organisation id, e.g. company-greengrid") @RequestParam(required = false) String supplier,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        ApiPage.checkPaging(page, size);
        if (domain != null && !MarketplaceVocabulary.DOMAINS.contains(domain)) {
            throw badRequest("domain: one of " + MarketplaceVocabulary.DOMAINS);
        }
        if (priceModel != null && !MarketplaceVocabulary.PRICE_MODELS.contains(priceModel)) {
            throw badRequest("priceModel: one of " + MarketplaceVocabulary.PRICE_MODELS);
        }
        CatalogueSearch.Result result = catalogue.search(new CatalogueSearch.Query(q, domain, priceModel, supplier, page, size), true);
        return ResponseEntity.ok().cacheControl(PUBLIC_1_MIN).body(new SolutionSearch(result.hits().stream()
                .map(h -> new SolutionSummary(h.id(), h.name(), h.supplierGroup(), h.domain(), h.description(), h.trl(),
                        h.priceModel(), h.indicativeCost())).toList(),
                page, size, result.total(), result.domains(), result.priceModels(), result.totalCapped(), result.facetsCapped()));
    }

    /** More searches at once than the catalogue search admits within its queue wait: 503 with Retry-After, a problem detail. */
    @ExceptionHandler(CatalogueSearch.Busy.class)
    ResponseEntity<ProblemDetail> busy(CatalogueSearch.Busy busy) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The catalogue search is busy; try again in " + CatalogueSearch.Busy.RETRY_AFTER_SECONDS + " second.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(CatalogueSearch.Busy.RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @GetMapping("/solutions/{id}")
    @Operation(summary = "One solution with its rating and every implementation (evaluation, reviews)")
    ResponseEntity<SolutionJson> solution(@PathVariable UUID id) {
        Catalogue.SolutionView view = catalogue.view(id).orElseThrow(() -> new NotFoundException("solution " + id));
        var s = view.solution();
        return ResponseEntity.ok().cacheControl(PUBLIC_1_MIN).body(new SolutionJson(s.id(), s.name(), s.supplierGroup(), s.domain(),
                s.description(), s.trl(), s.priceModel(), s.indicativeCost(), s.minPopulation(), s.needsCityData(),
                s.procurementRoute(), s.standards(), s.dataHosting(), s.gdpr(), s.languages(), s.references(),
                new RatingJson(view.rating().average(), view.rating().count()),
                view.implementations().stream().map(v -> json(v.implementation(), v.reviews())).toList()));
    }

    @GetMapping("/implementations")
    @Operation(summary = "Implementations (newest first) with their evaluation and reviews, filtered by solution and city")
    ResponseEntity<ApiPage<ImplementationJson>> implementations(@RequestParam(required = false) UUID solutionId,
            @Parameter(description = "city's organisation id, e.g. city-delft") @RequestParam(required = false) String city,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        ApiPage.checkPaging(page, size);
        var pageable = org.springframework.data.domain.PageRequest.of(page, size);
        org.springframework.data.domain.Page<Implementation> found = solutionId != null && city != null
                ? implementations.findBySolutionIdAndCityGroupOrderByCreatedAtDescIdAsc(solutionId, city, pageable)
                : solutionId != null ? implementations.findBySolutionIdOrderByCreatedAtDescIdAsc(solutionId, pageable)
                : city != null ? implementations.findByCityGroupOrderByCreatedAtDescIdAsc(city, pageable)
                : implementations.findAllByOrderByCreatedAtDescIdAsc(pageable);
        Map<UUID, List<Review>> reviews = catalogue.reviewsOf(found.getContent());
        return ResponseEntity.ok().cacheControl(PUBLIC_1_MIN).body(new ApiPage<>(found.getContent().stream()
                .map(i -> json(i, reviews.getOrDefault(i.id(), List.of()))).toList(), page, size, found.getTotalElements()));
    }

    @GetMapping("/framework-contracts")
    @Operation(summary = "Framework contracts by domain, supplier or solution; status valid or expired")
    ResponseEntity<ApiPage<FrameworkJson>> frameworkContracts(@RequestParam(required = false) String domain,
            @RequestParam(required = false) String supplier, @RequestParam(required = false) UUID solutionId,
            @Parameter(description = "valid or expired") @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        ApiPage.checkPaging(page, size);
        if (status != null && !"valid".equals(status) && !"expired".equals(status)) {
            throw badRequest("status: valid or expired");
        }
        List<Framework> all = frameworks.find(new FrameworkContracts.Filter(domain, supplier, solutionId, status));
        List<FrameworkJson> items = all.stream().skip((long) page * size).limit(size).map(this::json).toList();
        return ResponseEntity.ok().cacheControl(PUBLIC_1_MIN).body(new ApiPage<>(items, page, size, all.size()));
    }

    @GetMapping("/framework-contracts/{id}")
    @Operation(summary = "One framework contract")
    ResponseEntity<FrameworkJson> frameworkContract(@PathVariable UUID id) {
        return ResponseEntity.ok().cacheControl(PUBLIC_1_MIN).body(json(frameworks.view(id)
                .orElseThrow(() -> new NotFoundException("framework contract " + id)).framework()));
    }

    private FrameworkJson json(Framework f) {
        return new FrameworkJson(f.id(), f.title(), f.authorityGroup(), f.domain(), f.description(), f.validFrom(), f.validUntil(),
                f.expired(frameworks.today()), f.lots(), f.suppliers().stream().sorted().toList(),
                f.solutionIds().stream().sorted().toList(), f.openToAll(), f.eligibleAuthorities().stream().sorted().toList());
    }

    private static ImplementationJson json(Implementation i, List<Review> reviews) {
        EvaluationJson evaluation = i.evaluationId() == null ? null : new EvaluationJson(i.evaluationId(), i.pilotId(), i.kpiName(),
                i.kpiTarget(), i.kpiResult(), i.surveyScore(), i.measuredScore(), i.evidenceGap(), i.verdict(), i.evaluatedAt());
        return new ImplementationJson(i.id(), i.solutionId(), i.cityGroup(), i.source(), i.startedYear(), i.summary(), evaluation,
                reviews.stream().map(r -> new ReviewJson(r.id(), r.cityGroup(), r.rating(), r.comment(), r.createdAt())).toList());
    }

    private static ResponseStatusException badRequest(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
