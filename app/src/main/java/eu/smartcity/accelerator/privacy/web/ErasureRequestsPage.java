package eu.smartcity.accelerator.privacy.web;

import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.identity.JuryPool;
import eu.smartcity.accelerator.identity.People;
import eu.smartcity.accelerator.privacy.internal.ErasureRequests;
import eu.smartcity.accelerator.privacy.internal.ErasureRequests.Request;
import eu.smartcity.accelerator.privacy.internal.PersonalDataExport;
import eu.smartcity.accelerator.privacy.ErasureRequestProcess.ErasureDecision;
import eu.smartcity.accelerator.privacy.ErasureRequestProcess.RefusalGround;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinators' view of open erasure requests: who asked (organisation, roles, running cycles whose jury pool
 * they are in), what erasure deletes and what it keeps under a pseudonym, the deadline; and the decision, which
 * completes the same task Tasklist shows.
 */
@Controller
class ErasureRequestsPage {

    /**
     * Sections whose records procurement law or publication keeps (RetentionClass PROCUREMENT_RECORD / PUBLIC_RECORD):
     * erasure pseudonymises the person there; every other section is deleted. The holders own the rule; this list
     * only words it for the coordinator.
     */
    static final Set<String> KEPT_PSEUDONYMISED = Set.of("applications", "attachments", "jury", "challenges", "cycles",
            "contracts", "pilots", "marketplace", "open-data", "process-engine");

    private final ErasureRequests requests;
    private final PersonalDataExport export;
    private final People people;
    private final Cycles cycles;
    private final JuryPool juryPool;

    ErasureRequestsPage(ErasureRequests requests, PersonalDataExport export, People people, Cycles cycles, JuryPool juryPool) {
        this.requests = requests;
        this.export = export;
        this.people = people;
        this.cycles = cycles;
        this.juryPool = juryPool;
    }

    record Row(Request request, People.Person person, List<String> runningCycles, Map<String, Integer> deleted,
            Map<String, Integer> kept, boolean decidable) {}

    @GetMapping("/coordinator/erasure-requests")
    String list(Model model) {
        List<Cycles.CycleView> running = cycles.all().stream().filter(c -> "OPEN".equals(c.status())).toList();
        List<Row> rows = requests.open().stream().map(r -> row(r, running)).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("grounds", RefusalGround.values());
        model.addAttribute("maxLength", ErasureRequests.MAX_TEXT);
        return "privacy/requests";
    }

    @PostMapping("/coordinator/erasure-requests/{id}")
    String decide(@PathVariable UUID id, @RequestParam(name = "decision", required = false) String decision,
            @RequestParam(name = "ground", required = false) String ground,
            @RequestParam(name = "explanation", required = false) String explanation,
            Authentication authentication, RedirectAttributes redirect) {
        Optional<String> refused = requests.decide(id, authentication.getName(), parse(ErasureDecision.class, decision),
                parse(RefusalGround.class, ground), explanation);
        if (refused.isPresent()) {
            redirect.addFlashAttribute("error", refused.get());
            redirect.addFlashAttribute("errorFor", id);
        } else {
            redirect.addFlashAttribute("decided", true);
        }
        return "redirect:/coordinator/erasure-requests";
    }

    private Row row(Request request, List<Cycles.CycleView> running) {
        Optional<People.Person> person = Optional.ofNullable(request.userId()).flatMap(people::find);
        Map<String, Integer> deleted = new LinkedHashMap<>();
        Map<String, Integer> kept = new LinkedHashMap<>();
        if (request.userId() != null) {
            export.summary(request.userId()).forEach((section, n) -> (KEPT_PSEUDONYMISED.contains(section) ? kept : deleted).put(section, n));
        }
        List<String> cyclesOfPerson = running.stream()
                .filter(c -> juryPool.of(c.id()).stream().anyMatch(m -> m.userId().equals(request.userId())))
                .map(Cycles.CycleView::name).toList();
        return new Row(request, person.orElse(null), cyclesOfPerson, deleted, kept,
                request.status() == ErasureRequests.Status.REQUESTED && requests.task(request.id()).isPresent());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
