package eu.smartcity.accelerator.challenge.web;

import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.opendata.OcdsPublisher;
import eu.smartcity.accelerator.shared.ApiPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Public JSON API of the challenges that were published (drafts and sent-back challenges never appear):
 * stable ids (the challenge's UUID, also in its ocid), paging, filters; errors as problem details.
 */
@RestController
@RequestMapping(path = "/api/challenges", produces = "application/json")
@Tag(name = "Challenges", description = "The cities' published challenges (open calls and their later stages)")
class ChallengeApi {

    static final List<String> STAGES = List.of("open", "closed", "ended");
    private static final CacheControl PUBLIC_1_MIN = CacheControl.maxAge(1, TimeUnit.MINUTES).cachePublic();

    private final Challenges challenges;
    private final Cycles cycles;
    private final OcdsPublisher ocds;
    private final String baseUrl;

    ChallengeApi(Challenges challenges, Cycles cycles, OcdsPublisher ocds,
            @Value("${accelerator.public-base-url}") String baseUrl) {
        this.challenges = challenges;
        this.cycles = cycles;
        this.ocds = ocds;
        this.baseUrl = baseUrl;
    }

    public record ChallengeJson(UUID id, String ocid, String city, String title, String problem, String openDatasets,
            BigDecimal budgetCap, String currency, String kpis, String languages, int minTrl, Instant callClosesAt,
            Instant callOpensAt, String stage, String status, String outcome, UUID cycleId, String bylawsVersion, Map<String, String> links,
            List<CityFundJson> cityFunds) {}

    /** What the city funds beside the pilot: outside {@code budgetCap}, which is the pilot's alone. */
    public record CityFundJson(String kind, String description, BigDecimal amount, String currency) {}

    @GetMapping
    @Operation(summary = "Published challenges, newest deadline first",
            // callOpensAt/callClosesAt: the call's opening and closing dates as approved (an extension or an early
            // closing moves callClosesAt); callOpensAt is empty for calls published before opening dates existed
            description = "stage: open (accepting applications), closed (selection, contract or pilot under way), ended. "
                    + "status: where the challenge stands in detail (PUBLISHED, SELECTION, CONTRACTING, PILOT_RUNNING, "
                    + "EVALUATION, or how it ended: EVALUATED, NO_APPLICATIONS, NO_ELIGIBLE_APPLICANT, NO_QUORUM, "
                    + "CONTRACT_NOT_SIGNED, WITHDRAWN, CYCLE_CLOSED).")
    ResponseEntity<ApiPage<ChallengeJson>> list(
            @Parameter(description = "the city's organisation id, e.g. city-mechelen") @RequestParam(required = false) String city,
            @Parameter(description = "open, closed or ended") @RequestParam(required = false) String stage,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        ApiPage.checkPaging(page, size);
        if (stage != null && !STAGES.contains(stage)) {
            throw badRequest("stage: one of " + STAGES);
        }
        List<Cycles.CycleView> allCycles = cycles.all();
        Map<UUID, String> bylaws = allCycles.stream().collect(Collectors.toMap(Cycles.CycleView::id, Cycles.CycleView::bylawsVersion));
        Instant now = Instant.now();
        List<ChallengeJson> all = allCycles.stream().flatMap(c -> challenges.ofCycle(c.id()).stream())
                .filter(c -> c.callClosesAt() != null) // published at some point
                .filter(c -> city == null || city.equals(c.cityGroup()))
                .map(c -> json(c, bylaws.get(c.cycleId()), now))
                .filter(c -> stage == null || stage.equals(c.stage()))
                .sorted(Comparator.comparing(ChallengeJson::callClosesAt).reversed().thenComparing(ChallengeJson::id))
                .toList();
        List<ChallengeJson> items = all.stream().skip((long) page * size).limit(size).toList();
        return ResponseEntity.ok().cacheControl(PUBLIC_1_MIN).body(new ApiPage<>(items, page, size, all.size()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One published challenge")
    ResponseEntity<ChallengeJson> one(@PathVariable UUID id) {
        Challenges.ChallengeView c = challenges.find(id).filter(view -> view.callClosesAt() != null)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No published challenge " + id));
        return ResponseEntity.ok().cacheControl(PUBLIC_1_MIN).body(json(c, cycles.get(c.cycleId()).bylawsVersion(), Instant.now()));
    }

    private ChallengeJson json(Challenges.ChallengeView c, String bylawsVersion, Instant now) {
        String stage = c.acceptsApplications(now) ? "open" : c.stage().ended() ? "ended" : "closed";
        String ocid = ocds.ocidFor(c.id().toString());
        return new ChallengeJson(c.id(), ocid, c.cityGroup(), c.title(), c.problem(), c.openDatasets(), c.budgetCap(), "EUR",
                c.kpis(), c.languages(), c.minTrl(), c.callClosesAt(), challenges.callWindow(c.id()).opensAt(), stage, c.status(), c.stage().ended() ? c.status() : null,
                c.cycleId(), bylawsVersion, Map.of(
                        "page", baseUrl + "/challenges/" + c.id(),
                        "results", baseUrl + "/challenges/" + c.id() + "/results",
                        "ocds", baseUrl + "/api/ocds/packages/" + ocid,
                        "bylaws", baseUrl + "/bylaws/" + bylawsVersion),
                challenges.extrasOf(c.id()).stream()
                        .map(e -> new CityFundJson(e.kind().name(), e.description(), e.amount(), "EUR")).toList());
    }

    private static ResponseStatusException badRequest(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
