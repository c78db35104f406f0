package eu.smartcity.accelerator.portal;

import eu.smartcity.accelerator.challenge.ChallengeStage;
import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.application.NextSteps;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.challenge.Challenges.ChallengeView;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.dashboard.CoordinatorWatch;
import eu.smartcity.accelerator.identity.CurrentUser;
import eu.smartcity.accelerator.identity.Organisations;
import eu.smartcity.accelerator.identity.Roles;
import eu.smartcity.accelerator.pilot.PilotRecords;
import eu.smartcity.accelerator.worklist.WorkAhead;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page. Everyone sees the open calls (city, deadline with a countdown, budget cap), recent results and
 * pilots, the marketplace search and the way to the outcome figures. A logged-in user first sees what to do next:
 * their tasks, and per role their applications, their city's challenges by stage, their jury seats, or the
 * coordinator's watch list. Everything personal is read for the user's own organisation only.
 */
@Controller
class HomePage {

    static final int SHOWN = 6;

    private final Challenges challenges;
    private final Cycles cycles;
    private final Applications applications;
    private final PilotRecords pilots;
    private final Organisations organisations;
    private final WorkAhead workAhead;
    private final CoordinatorWatch coordinatorWatch;
    private final NextSteps nextSteps;

    HomePage(Challenges challenges, Cycles cycles, Applications applications, PilotRecords pilots, Organisations organisations,
            WorkAhead workAhead, CoordinatorWatch coordinatorWatch, NextSteps nextSteps) {
        this.nextSteps = nextSteps;
        this.challenges = challenges;
        this.cycles = cycles;
        this.applications = applications;
        this.pilots = pilots;
        this.organisations = organisations;
        this.workAhead = workAhead;
        this.coordinatorWatch = coordinatorWatch;
    }

    /** An open call as the home page shows it: the countdown is a message key and its number. */
    record OpenCall(UUID id, String title, String city, Instant closesAt, BigDecimal budgetCap, String countdownKey, long countdown) {}

    /** A challenge whose selection is announced: who was selected (companies' public names). */
    record Result(UUID challengeId, String title, String city, List<String> selected) {}

    record PilotLine(String challengeTitle, String city, String company, String status, boolean replication) {}

    /** One of the company's applications with the challenge it answers and what comes next. */
    record ApplicationLine(UUID id, String solutionTitle, UUID challengeId, String challengeTitle, String city, String status,
            NextSteps.NextStep next, String nextInWords) {}

    record JuryLine(UUID challengeId, String title, String city, WorkAhead.JurySeatWork work) {}

    @GetMapping("/")
    String home(Authentication authentication, Locale locale, Model model) {
        Instant now = Instant.now();
        List<ChallengeView> all = cycles.all().stream().flatMap(c -> challenges.ofCycle(c.id()).stream()).toList();
        model.addAttribute("openCalls", openCalls(now));
        model.addAttribute("results", results(all));
        model.addAttribute("pilots", pilots());

        if (authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
            return "portal/home";
        }
        CurrentUser user = CurrentUser.of(authentication);
        model.addAttribute("signedIn", true);
        List<WorkAhead.DueTask> tasks = workAhead.tasks(user, now);
        model.addAttribute("tasks", tasks.stream().limit(SHOWN).toList());
        model.addAttribute("taskCount", tasks.size());
        model.addAttribute("overdueCount", tasks.stream().filter(WorkAhead.DueTask::overdue).count());
        user.company().ifPresent(company -> model.addAttribute("myApplications", applicationsOf(company, locale)));
        user.city().ifPresent(city -> model.addAttribute("cityStages", stagesOf(city)));
        if (user.has(Roles.JURY)) {
            List<JuryLine> seats = juryOf(user);
            // seats with work left first; finished ones are only counted
            model.addAttribute("jury", seats.stream().filter(l -> l.work().declarationOpen() || l.work().remaining() > 0).toList());
            model.addAttribute("juryDone", seats.stream().filter(l -> !l.work().declarationOpen() && l.work().remaining() <= 0).count());
        }
        if (user.has(Roles.COORDINATORS)) {
            model.addAttribute("watch", coordinatorWatch.summary(now));
            model.addAttribute("stages", coordinatorWatch.stages(now, false));
        }
        return "portal/home";
    }

    private List<OpenCall> openCalls(Instant now) {
        return challenges.published().stream().filter(c -> c.acceptsApplications(now))
                .sorted(Comparator.comparing(ChallengeView::callClosesAt))
                .map(c -> {
                    Duration left = Duration.between(now, c.callClosesAt());
                    String key;
                    long n;
                    if (left.toDays() >= 2) {
                        key = "home.closesIn.days";
                        n = left.toDays();
                    } else if (left.toHours() >= 24) {
                        key = "home.closesIn.oneDay";
                        n = 1;
                    } else if (left.toHours() >= 1) {
                        key = "home.closesIn.hours";
                        n = left.toHours();
                    } else {
                        key = "home.closesIn.soon";
                        n = 0;
                    }
                    return new OpenCall(c.id(), c.title(), organisations.displayName(c.cityGroup()), c.callClosesAt(), c.budgetCap(), key, n);
                }).toList();
    }

    /** The latest announced selections (by call deadline: challenges carry no announcement date). */
    private List<Result> results(List<ChallengeView> all) {
        return all.stream().filter(c -> c.callClosesAt() != null && !"PUBLISHED".equals(c.status()))
                .sorted(Comparator.comparing(ChallengeView::callClosesAt).reversed())
                .map(c -> {
                    Applications.PublicResults r = applications.publicResults(c.id());
                    return r.isFinal() && !r.selected().isEmpty() ? new Result(c.id(), c.title(), organisations.displayName(c.cityGroup()),
                            r.selected().stream().map(a -> organisations.displayName(a.companyGroup())).toList()) : null;
                })
                .filter(java.util.Objects::nonNull).limit(SHOWN).toList();
    }

    private List<PilotLine> pilots() {
        // running ones first: they are what a visitor can go and see
        return pilots.all().stream().sorted(Comparator.comparing((PilotRecords.PilotView p) -> !"RUNNING".equals(p.status())))
                .limit(SHOWN)
                .map(p -> new PilotLine(challenges.find(p.challengeId()).map(ChallengeView::title).orElse(""),
                        organisations.displayName(p.cityGroup()), organisations.displayName(p.companyGroup()), p.status(),
                        p.originalPilotId() != null))
                .toList();
    }

    /** The company's latest applications, each with its next step worded as on its applications page. */
    private List<ApplicationLine> applicationsOf(String company, Locale locale) {
        return applications.ofCompany(company).stream()
                .sorted(Comparator.comparing(Applications.ApplicationView::submittedAt).reversed())
                .limit(SHOWN)
                .flatMap(a -> challenges.find(a.challengeId()).stream().map(c -> {
                    NextSteps.NextStep next = nextSteps.of(a, c);
                    return new ApplicationLine(a.id(), a.solutionTitle(), a.challengeId(), c.title(),
                            organisations.displayName(c.cityGroup()), a.status(), next, nextSteps.inWords(next, locale));
                })).toList();
    }

    /** The city's challenges grouped by stage, stages in the order a challenge goes through them. */
    private Map<String, List<ChallengeView>> stagesOf(String city) {
        Map<String, List<ChallengeView>> byStage = new LinkedHashMap<>();
        // sent back first (the city has to act), then in the order of a challenge's life
        challenges.ofCity(city).stream()
                .sorted(java.util.Comparator.comparing((ChallengeView c) -> c.stage() != ChallengeStage.SENT_BACK)
                        .thenComparing(ChallengeView::stage))
                .forEach(c -> byStage.computeIfAbsent(c.status(), s -> new ArrayList<>()).add(c));
        return byStage;
    }

    private List<JuryLine> juryOf(CurrentUser user) {
        return workAhead.juryWork(user).stream().map(w -> {
            Optional<ChallengeView> c = challenges.find(w.challengeId());
            return new JuryLine(w.challengeId(), c.map(ChallengeView::title).orElse(""),
                    c.map(v -> organisations.displayName(v.cityGroup())).orElse(""), w);
        }).toList();
    }
}
