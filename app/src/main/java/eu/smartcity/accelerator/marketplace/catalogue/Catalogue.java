package eu.smartcity.accelerator.marketplace.catalogue;

import eu.smartcity.accelerator.marketplace.prospection.Demand;
import eu.smartcity.accelerator.marketplace.internal.NotFoundException;
import eu.smartcity.accelerator.marketplace.replication.Replication;
import eu.smartcity.accelerator.marketplace.replication.Replications;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.evaluation.EvaluationPublished;
import eu.smartcity.accelerator.scoring.CatalogueSolution;
import eu.smartcity.accelerator.scoring.CityNeed;
import eu.smartcity.accelerator.scoring.SolutionMatch;
import eu.smartcity.accelerator.scoring.SolutionMatching;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The solution catalogue: suppliers' solutions, search, the guided filter, implementations, evaluations and reviews. */
@Service
public class Catalogue {

    private static final Logger log = LoggerFactory.getLogger(Catalogue.class);
    /** How many solutions of the domain the guided filter evaluates with the decision table. */
    public static final int GUIDED_CANDIDATES = 50;

    private final Solutions solutions;
    private final Implementations implementations;
    private final Reviews reviews;
    private final Replications replications;
    private final CatalogueSearch search;
    private final Demand demand;
    private final SolutionMatching matching;
    private final Challenges challenges;
    private final Clock clock = Clock.systemUTC();
    private final TransactionTemplate oneTransaction;

    Catalogue(Solutions solutions, Implementations implementations, Reviews reviews, Replications replications,
            CatalogueSearch search, Demand demand, SolutionMatching matching, Challenges challenges,
            PlatformTransactionManager transactions) {
        this.oneTransaction = new TransactionTemplate(transactions);
        this.solutions = solutions;
        this.implementations = implementations;
        this.reviews = reviews;
        this.replications = replications;
        this.search = search;
        this.demand = demand;
        this.matching = matching;
        this.challenges = challenges;
    }

    /** A rating: the average of the reviews' stars (1–5) and how many reviews. */
    public record Rating(double average, int count) {
        public static final Rating NONE = new Rating(0, 0);
    }

    public record ImplementationView(Implementation implementation, List<Review> reviews, List<Replication> replications) {}

    public record SolutionView(Solution solution, Rating rating, List<ImplementationView> implementations) {}

    public record GuidedAnswers(String domain, BigDecimal budget, long population, boolean dataAvailable, String route) {}

    /** {@code reasons}: the matched rows of {@code solution-matching} (rule id and points), worded by the page. */
    public record GuidedMatch(Solution solution, double score, List<SolutionMatch.Reason> reasons, Rating rating) {}

    @Transactional
    public Solution register(String supplierGroup, Solution.Facts facts) {
        return solutions.save(new Solution(UUID.randomUUID(), supplierGroup, facts, clock.instant()));
    }

    /** Only the supplier who listed a solution may change it. */
    @Transactional
    public Solution update(UUID id, String supplierGroup, Solution.Facts facts) {
        Solution solution = ownedBy(id, supplierGroup);
        solution.update(facts);
        return solution;
    }

    public Solution ownedBy(UUID id, String supplierGroup) {
        return solutions.findById(id).filter(s -> s.supplierGroup().equals(supplierGroup))
                .orElseThrow(() -> new NotFoundException("solution " + id));
    }

    public List<Solution> ofSupplier(String supplierGroup) {
        return solutions.findBySupplierGroupOrderByName(supplierGroup);
    }

    public Optional<Solution> find(UUID id) {
        return solutions.findById(id);
    }

    /**
     * Searches, then counts the demand (words and domain only, never who searched). Not in a transaction: a search waiting
     * its turn ({@link CatalogueSearch}, "Admission") holds no connection, so a queue of searches cannot drain the pool
     * and its wait stays bounded by the queue wait; a busy search counts no demand.
     */
    public CatalogueSearch.Result search(CatalogueSearch.Query query, boolean countDemand) {
        CatalogueSearch.Result result = search.search(query);
        if (countDemand) {
            countDemand(query);
        }
        return result;
    }

    /** Counts a search's words and domain as demand (first page only), as {@link #search} does; also for a cached page. */
    public void countDemand(CatalogueSearch.Query query) {
        if (query.page() == 0) {
            oneTransaction.executeWithoutResult(status -> { // one commit for a search's words and domain
                query.terms().forEach(term -> demand.count(Demand.TERM, term));
                if (query.domain() != null) {
                    demand.count(Demand.DOMAIN, query.domain());
                }
            });
        }
    }

    public boolean fullTextIndex() {
        return search.fullTextIndex();
    }

    @Transactional(readOnly = true)
    public Optional<SolutionView> view(UUID id) {
        return solutions.findById(id).map(solution -> {
            List<Implementation> list = implementations.findBySolutionIdOrderByCreatedAtDesc(id);
            Map<UUID, List<Review>> byImplementation = reviewsOf(list);
            Map<UUID, List<Replication>> replicated = replications.findByImplementationIdInOrderByRequestedAt(
                    list.stream().map(Implementation::id).toList()).stream()
                    .collect(Collectors.groupingBy(Replication::implementationId));
            List<ImplementationView> views = list.stream().map(i -> new ImplementationView(i,
                    byImplementation.getOrDefault(i.id(), List.of()), replicated.getOrDefault(i.id(), List.of()))).toList();
            return new SolutionView(solution, rating(views.stream().flatMap(v -> v.reviews().stream()).toList()), views);
        });
    }

    /** Ratings of several solutions at once (search result pages). */
    @Transactional(readOnly = true)
    public Map<UUID, Rating> ratings(List<UUID> solutionIds) {
        List<Implementation> list = implementations.findBySolutionIdIn(solutionIds);
        Map<UUID, List<Review>> byImplementation = reviewsOf(list);
        Map<UUID, Rating> ratings = new HashMap<>();
        list.stream().collect(Collectors.groupingBy(Implementation::solutionId)).forEach((solution, impls) -> ratings.put(solution,
                rating(impls.stream().flatMap(i -> byImplementation.getOrDefault(i.id(), List.of()).stream()).toList())));
        return ratings;
    }

    public Map<UUID, List<Review>> reviewsOf(List<Implementation> list) {
        if (list.isEmpty()) {
            return Map.of();
        }
        return reviews.findByImplementationIdInOrderByCreatedAtDesc(list.stream().map(Implementation::id).toList()).stream()
                .collect(Collectors.groupingBy(Review::implementationId));
    }

    static Rating rating(List<Review> list) {
        if (list.isEmpty()) {
            return Rating.NONE;
        }
        return new Rating(Math.round(list.stream().mapToInt(Review::rating).average().orElse(0) * 10) / 10.0, list.size());
    }

    /**
     * A city officer reports an implementation outside the accelerator with the city's review of it.
     * The review names the city (and the officer's user id is kept for audits): never anonymous.
     */
    @Transactional
    public Implementation reviewOutside(UUID solutionId, String cityGroup, String userId, Integer startedYear, String summary,
            int rating, String comment) {
        Solution solution = solutions.findById(solutionId).orElseThrow(() -> new NotFoundException("solution " + solutionId));
        Implementation implementation = implementations.save(Implementation.outside(solution.id(), cityGroup, startedYear, summary,
                clock.instant()));
        reviews.save(new Review(implementation.id(), cityGroup, userId, rating, comment, clock.instant()));
        return implementation;
    }

    /** A city reviews one of its own implementations (e.g. the accelerator pilot it ran). */
    @Transactional
    public Review review(UUID implementationId, String cityGroup, String userId, int rating, String comment) {
        Implementation implementation = implementations.findById(implementationId)
                .filter(i -> i.cityGroup().equals(cityGroup))
                .orElseThrow(() -> new NotFoundException("implementation " + implementationId + " of " + cityGroup));
        return reviews.save(new Review(implementation.id(), cityGroup, userId, rating, comment, clock.instant()));
    }

    /**
     * The guided filter: the answers become a {@link CityNeed}; the {@value #GUIDED_CANDIDATES} best
     * candidates of the domain are evaluated with {@code solution-matching} (each evaluation recorded
     * under the search id) and returned ranked, each with the reasons of its matched rows.
     */
    @Transactional
    public List<GuidedMatch> guided(GuidedAnswers answers) {
        demand.count(Demand.GUIDED, answers.domain());
        List<UUID> ids = search.candidates(answers.domain(), answers.budget(), answers.population(), GUIDED_CANDIDATES);
        Map<UUID, Solution> byId = solutions.findAllById(ids).stream().collect(Collectors.toMap(Solution::id, Function.identity()));
        List<CatalogueSolution> candidates = ids.stream().map(byId::get).map(s -> new CatalogueSolution(s.id().toString(),
                s.supplierGroup(), s.domain(), s.indicativeCost(), s.minPopulation(), s.needsCityData(), s.procurementRoute()))
                .toList();
        CityNeed need = new CityNeed("marketplace-search-" + UUID.randomUUID(), answers.domain(), answers.budget(),
                answers.population(), answers.dataAvailable(), answers.route());
        List<SolutionMatch> ranked = matching.rank(need, candidates);
        Map<UUID, Rating> ratings = ratings(ids);
        return ranked.stream().map(m -> {
            UUID id = UUID.fromString(m.solution().solutionId());
            return new GuidedMatch(byId.get(id), m.matchScore(), m.reasons(), ratings.getOrDefault(id, Rating.NONE));
        }).toList();
    }

    /**
     * A finished pilot's evaluation appears on the solution: the implementation is filed under the
     * supplier's catalogue solution that shares most words with the challenge (title and problem),
     * or, if the supplier lists none, under a new entry named after the challenge. Runs in the
     * publishing transaction; a second delivery of the same evaluation changes nothing.
     */
    @EventListener
    @Transactional
    public void on(EvaluationPublished published) {
        if (published.companyGroup() == null || implementations.existsByEvaluationId(published.evaluationId())) {
            return;
        }
        Optional<Challenges.ChallengeView> challenge = challenges.find(published.challengeId());
        String challengeText = challenge.map(c -> c.title() + " " + c.problem()).orElse("");
        Set<String> words = new HashSet<>(Arrays.asList(Solution.searchText(challengeText).split(" ")));
        List<Solution> offered = solutions.findBySupplierGroupOrderByName(published.companyGroup());
        Solution solution = offered.stream()
                .max(Comparator.comparingLong((Solution s) -> Arrays.stream(Solution.searchText(s.name(), s.description())
                        .split(" ")).distinct().filter(w -> w.length() > 3 && words.contains(w)).count())
                        .thenComparing(Solution::createdAt, Comparator.reverseOrder()))
                .orElseGet(() -> solutions.save(new Solution(UUID.randomUUID(), published.companyGroup(), new Solution.Facts(
                        challenge.map(Challenges.ChallengeView::title).orElse("Piloted solution"), "other",
                        challenge.map(Challenges.ChallengeView::problem).orElse("Piloted through the accelerator"),
                        7, "subscription", challenge.map(Challenges.ChallengeView::budgetCap).orElse(BigDecimal.ZERO), 0, false,
                        "any", null, null, null, challenge.map(Challenges.ChallengeView::languages).orElse(null), null),
                        clock.instant())));
        implementations.save(Implementation.evaluatedPilot(solution.id(), published.cityGroup(), published.pilotId(),
                published.challengeId(), published.evaluationId(), published.kpiName(), published.kpiTarget(), published.kpiResult(),
                published.surveyScore(), published.measuredScore(), published.verdict(), published.publishedAt()));
        log.info("Evaluation {} of {} published on solution {}", published.evaluationId(), published.cityGroup(), solution.id());
    }

    public Optional<Implementation> implementation(UUID id) {
        return implementations.findById(id);
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    Instant now() {
        return clock.instant();
    }
}
