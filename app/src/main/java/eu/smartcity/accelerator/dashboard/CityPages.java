package eu.smartcity.accelerator.dashboard;

import static eu.smartcity.accelerator.challenge.ChallengeProcess.BUDGET_CAP;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.KPIS;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.LANGUAGES;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.MIN_TRL;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.OPEN_DATASETS;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.PROBLEM;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.TITLE;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.CallDates;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.challenge.ExtraLines;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.forms.FormDefinition;
import eu.smartcity.accelerator.forms.FormDefinitions;
import eu.smartcity.accelerator.forms.FormSubmission;
import eu.smartcity.accelerator.forms.FormValidator;
import eu.smartcity.accelerator.identity.CurrentUser;
import eu.smartcity.accelerator.shared.RuleViolationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A city officer's challenges (their stage and how many applications came in) and the page to
 * define a new one with the {@code define-challenge} form — the same form the coordinator's
 * "revise" task uses — under one of the open cycles. A city only ever sees its own challenges.
 */
@Controller
class CityPages {

    static final String DEFINE_CHALLENGE_FORM = "define-challenge";
    static final java.util.Set<String> WINDOW_FIELDS = java.util.Set.of(ChallengeProcess.CALL_OPENS_AT.name(), ChallengeProcess.CALL_CLOSES_AT.name());

    private final Challenges challenges;
    private final Applications applications;
    private final Cycles cycles;
    private final FormDefinitions forms;

    CityPages(Challenges challenges, Applications applications, Cycles cycles, FormDefinitions forms) {
        this.challenges = challenges;
        this.applications = applications;
        this.cycles = cycles;
        this.forms = forms;
    }

    @GetMapping("/city/challenges")
    String mine(Authentication authentication, Model model) {
        String city = city(authentication);
        List<Challenges.ChallengeView> mine = challenges.ofCity(city);
        // received, not "still submitted": after the call closes they are under review, ineligible, selected…
        Map<UUID, Integer> applicationCounts = new LinkedHashMap<>();
        mine.forEach(c -> applicationCounts.put(c.id(), applications.receivedBy(c.id()).size()));
        model.addAttribute("challenges", mine);
        model.addAttribute("applicationCounts", applicationCounts);
        return "dashboard/city-challenges";
    }

    @GetMapping("/city/challenges/new")
    String defineForm(Authentication authentication, Model model) {
        city(authentication);
        return definePage(null, Map.of(), Map.of(), List.of(), Map.of(), model);
    }

    @PostMapping("/city/challenges/new")
    String define(@RequestParam MultiValueMap<String, String> params, Authentication authentication, Model model,
            RedirectAttributes redirect) {
        String city = city(authentication);
        FormDefinition form = forms.get(DEFINE_CHALLENGE_FORM);
        List<ExtraLines.Line> lines = ExtraLines.of(params.get("extraKind"), params.get("extraDescription"), params.get("extraAmount"));
        // the proposed call window, beside the form's fields (empty dates: the defaults)
        Map<String, String> windowRaw = new LinkedHashMap<>();
        Map<String, FormSubmission.Problem> windowProblems = new LinkedHashMap<>();
        model.addAttribute("windowRaw", windowRaw);
        model.addAttribute("windowProblems", windowProblems);
        if (params.containsKey("addExtraLine")) {
            // "Add a line" (works without JavaScript): the same page again with one more empty line, nothing checked yet
            params.forEach((field, typed) -> {
                if (WINDOW_FIELDS.contains(field)) {
                    windowRaw.put(field, typed.isEmpty() || typed.get(0) == null ? "" : typed.get(0));
                }
            });
            return definePage(params.getFirst(ChallengeProcess.CYCLE_ID.name()), params.toSingleValueMap(), Map.of(), lines, Map.of(), model);
        }
        FormSubmission submission = FormValidator.validate(form, params.toSingleValueMap());
        Map<String, RuleViolationException> extraProblems = ExtraLines.problems(lines);
        UUID cycleId = openCycle(params.getFirst(ChallengeProcess.CYCLE_ID.name()));
        if (cycleId == null) {
            model.addAttribute("cycleProblem", true);
        }
        Instant opens = callDate(ChallengeProcess.CALL_OPENS_AT.name(), params, false, windowRaw, windowProblems);
        Instant closes = callDate(ChallengeProcess.CALL_CLOSES_AT.name(), params, true, windowRaw, windowProblems);
        if (!submission.valid() || cycleId == null || !extraProblems.isEmpty() || !windowProblems.isEmpty()) {
            model.addAttribute("invalid", true);
            return definePage(params.getFirst(ChallengeProcess.CYCLE_ID.name()), submission.raw(), submission.problems(), lines, extraProblems, model);
        }
        Map<String, Object> v = submission.values();
        try {
            challenges.launch(cycleId, city, new Challenges.Definition(TITLE.optionalFrom(v).orElse(null),
                    PROBLEM.optionalFrom(v).orElse(null), OPEN_DATASETS.optionalFrom(v).orElse(null),
                    BigDecimal.valueOf(BUDGET_CAP.optionalFrom(v).orElseThrow()), KPIS.optionalFrom(v).orElse(null),
                    LANGUAGES.optionalFrom(v).orElse(null), MIN_TRL.optionalFrom(v).orElseThrow().intValue()), new Challenges.CallWindow(opens, closes),
                    ExtraLines.extras(lines));
        } catch (IllegalArgumentException ruleOfTheBylaws) {
            model.addAttribute("invalid", true);
            if (ruleOfTheBylaws instanceof RuleViolationException rule && WINDOW_FIELDS.contains(rule.field())) {
                windowProblems.put(rule.field(), new FormSubmission.Problem(rule.messageKey(), List.of(rule.args())));
                return definePage(params.getFirst(ChallengeProcess.CYCLE_ID.name()), submission.raw(), submission.problems(), lines, Map.of(), model);
            }
            // a rule of the challenge module next to its field (e.g. the budget cap of this cycle's bylaws)
            Map<String, FormSubmission.Problem> problems =
                    FormValidator.withRuleViolation(form, submission.problems(), ruleOfTheBylaws);
            return definePage(params.getFirst(ChallengeProcess.CYCLE_ID.name()), submission.raw(), problems, lines, Map.of(), model);
        }
        redirect.addFlashAttribute("defined", v.get(TITLE.name()));
        return "redirect:/city/challenges";
    }

    /** A proposed date as typed (kept for the page) and read; unreadable, a problem next to its field. */
    private static Instant callDate(String field, MultiValueMap<String, String> params, boolean closing,
            Map<String, String> raw, Map<String, FormSubmission.Problem> problems) {
        String typed = params.getFirst(field);
        raw.put(field, typed == null ? "" : typed);
        try {
            return CallDates.parse(field, typed, closing);
        } catch (RuleViolationException unreadable) {
            problems.put(field, new FormSubmission.Problem(unreadable.messageKey(), List.of()));
            return null;
        }
    }

    private String definePage(String cycleId, Map<String, String> raw, Map<String, FormSubmission.Problem> problems,
            List<ExtraLines.Line> extraLines, Map<String, RuleViolationException> extraProblems, Model model) {
        model.addAllAttributes(ExtraLines.formModel(extraLines, extraProblems, extraLines.size() + 1));
        if (!model.containsAttribute("windowRaw")) {
            model.addAttribute("windowRaw", Map.of());
            model.addAttribute("windowProblems", Map.of());
        }
        Map<?, ?> windowProblems = (Map<?, ?>) model.getAttribute("windowProblems");
        if (windowProblems != null && !windowProblems.isEmpty()) {
            model.addAttribute("invalid", true);
        }
        List<Cycles.CycleView> open = cycles.all().stream().filter(c -> "OPEN".equals(c.status())).toList();
        model.addAttribute("cycles", open);
        model.addAttribute("selectedCycle", cycleId != null ? cycleId : open.isEmpty() ? null : open.get(open.size() - 1).id().toString());
        model.addAttribute("form", forms.get(DEFINE_CHALLENGE_FORM));
        model.addAttribute("raw", raw);
        model.addAttribute("problems", problems);
        if (!problems.isEmpty()) {
            model.addAttribute("invalid", true);
        }
        return "dashboard/define-challenge";
    }

    /** The chosen cycle, if it exists and still takes challenges. */
    private UUID openCycle(String cycleId) {
        try {
            UUID id = UUID.fromString(cycleId == null ? "" : cycleId);
            return cycles.all().stream().filter(c -> c.id().equals(id) && "OPEN".equals(c.status())).findFirst()
                    .map(Cycles.CycleView::id).orElse(null);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private static String city(Authentication authentication) {
        return CurrentUser.of(authentication).city()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "Only city officers define challenges"));
    }
}
