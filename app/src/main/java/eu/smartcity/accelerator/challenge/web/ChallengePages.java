package eu.smartcity.accelerator.challenge.web;

import eu.smartcity.accelerator.challenge.ChallengeStage;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.identity.CurrentUser;
import eu.smartcity.accelerator.identity.Roles;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.identity.Organisations;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Public pages: the open calls (and the archive of past ones) and one challenge. Drafts and sent-back challenges are not public. */
@Controller
class ChallengePages {

    private final Challenges challenges;
    private final Cycles cycles;
    private final Organisations organisations;

    ChallengePages(Challenges challenges, Cycles cycles, Organisations organisations) {
        this.challenges = challenges;
        this.cycles = cycles;
        this.organisations = organisations;
    }

    /**
     * Open calls by default (soonest deadline first, all of them); with stage=past the archive of closed calls, newest first;
     * filtered by words in the title or problem, by city, by stage; paged.
     */
    @GetMapping("/challenges")
    String openCalls(@RequestParam(required = false) String q, @RequestParam(required = false) String city,
            @RequestParam(required = false) String stage, @RequestParam(required = false) Integer page, Model model) {
        CallFilter filter = CallFilter.of(q, city, stage, page);
        Instant now = Instant.now();
        List<Challenges.ChallengeView> everPublished = cycles.all().stream()
                .flatMap(cycle -> challenges.ofCycle(cycle.id()).stream())
                .filter(c -> c.callClosesAt() != null) // published at some point; drafts and sent-back ones are not public
                .toList();
        List<Challenges.ChallengeView> found = everPublished.stream().filter(c -> filter.matches(c, now))
                .sorted(CallFilter.order(now)).toList();
        // open calls are few and all shown (a link to one is never on page 2); the archive grows, so it is paged
        boolean paged = !"open".equals(filter.stage());
        int from = paged ? Math.min(found.size(), filter.page() * CallFilter.PAGE_SIZE) : 0;
        int to = paged ? Math.min(found.size(), from + CallFilter.PAGE_SIZE) : found.size();
        Map<String, String> cityNames = new TreeMap<>();
        everPublished.forEach(c -> cityNames.computeIfAbsent(c.cityGroup(), organisations::displayName));
        Map<String, String> citiesByName = new LinkedHashMap<>();
        cityNames.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> citiesByName.put(e.getKey(), e.getValue()));
        model.addAttribute("filter", filter);
        model.addAttribute("challenges", found.subList(from, to));
        model.addAttribute("found", found.size());
        model.addAttribute("hasNext", to < found.size());
        model.addAttribute("stages", CallFilter.STAGES);
        model.addAttribute("stageOf", found.subList(from, to).stream()
                .collect(java.util.stream.Collectors.toMap(Challenges.ChallengeView::id, c -> CallFilter.stageOf(c, now))));
        model.addAttribute("cities", citiesByName);
        model.addAttribute("now", now);
        model.addAttribute("bylawsVersions", bylawsVersions());
        return "challenge/list";
    }

    @GetMapping("/challenges/{id}")
    String challenge(@PathVariable UUID id, Model model, Authentication authentication) {
        return detail(id, model, authentication, Map.of(), Map.of(), null);
    }

    /** A coordinator's extension or early closing waiting to be confirmed: {@code action} extend or close-early. */
    record WindowConfirmation(String action, Instant newClosesAt, String reason) {}

    /**
     * The challenge's page; for a coordinator with the call's window actions ({@link CallWindowActions}): what was
     * typed, the problems next to the fields (worded already), and the change to confirm, if any.
     */
    String detail(UUID id, Model model, Authentication authentication, Map<String, String> windowRaw,
            Map<String, String> windowProblems, WindowConfirmation confirmation) {
        Challenges.ChallengeView challenge = challenges.find(id)
                .filter(c -> c.callClosesAt() != null) // published at some point
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("challenge", challenge);
        model.addAttribute("extras", challenges.extrasOf(id));
        model.addAttribute("cityName", organisations.displayName(challenge.cityGroup()));
        model.addAttribute("open", challenge.acceptsApplications(Instant.now()));
        // the rules the challenge runs under: its cycle's pinned bylaws version
        model.addAttribute("cycle", cycles.get(challenge.cycleId()));
        model.addAttribute("callWindow", challenges.callWindow(id));
        model.addAttribute("windowChanges", challenges.callWindowChanges(id));
        boolean coordinator = authentication != null && CurrentUser.of(authentication).has(Roles.COORDINATORS);
        model.addAttribute("coordinator", coordinator);
        model.addAttribute("windowActions", coordinator && challenge.stage() == ChallengeStage.PUBLISHED);
        model.addAttribute("withdrawable", coordinator && challenge.stage().stoppable());
        model.addAttribute("windowRaw", windowRaw);
        model.addAttribute("windowProblems", windowProblems);
        model.addAttribute("windowConfirmation", confirmation);
        // the contract's language: shown to all; the challenge's city chooses it until the contract is drawn up
        model.addAttribute("contractLanguage", challenges.contractLanguage(id).orElse(java.util.Locale.ENGLISH));
        boolean ownCity = authentication != null && CurrentUser.of(authentication).city().filter(challenge.cityGroup()::equals).isPresent();
        model.addAttribute("chooseContractLanguage", ownCity && challenge.stage().ordinal() < ChallengeStage.CONTRACTING.ordinal());
        model.addAttribute("contractLanguages", Challenges.CONTRACT_LANGUAGES);
        return "challenge/detail";
    }

    /** cycle id → bylaws version, for the list of open calls. */
    private java.util.Map<UUID, String> bylawsVersions() {
        java.util.Map<UUID, String> versions = new java.util.HashMap<>();
        cycles.all().forEach(c -> versions.put(c.id(), c.bylawsVersion()));
        return versions;
    }
}
