package eu.smartcity.accelerator.application.internal;

import eu.smartcity.accelerator.application.ApplicationProcess;
import eu.smartcity.accelerator.application.ApplicationRefusedException;
import eu.smartcity.accelerator.shared.RuleViolationException;
import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.Challenges;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JpaApplications implements Applications {

    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final List<String> TIMELINE_TYPES = List.of("startEvent", "receiveTask", "noneEndEvent");

    private final ApplicationRepository applications;
    private final Challenges challenges;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final Clock clock = Clock.systemUTC();

    JpaApplications(ApplicationRepository applications, Challenges challenges, RuntimeService runtimeService,
            HistoryService historyService) {
        this.applications = applications;
        this.challenges = challenges;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
    }

    @Override
    public UUID submit(Submission s) {
        validate(s);
        Challenges.ChallengeView challenge = challenges.find(s.challengeId())
                .orElseThrow(() -> new ApplicationRefusedException("apply.refused.noChallenge",
                        "There is no challenge " + s.challengeId() + "."));
        Instant now = clock.instant();
        if (!challenge.acceptsApplications(now)) {
            throw challenge.callClosesAt() == null
                    ? new ApplicationRefusedException("apply.refused.notOpen",
                            "The call for '" + challenge.title() + "' is not open yet.", challenge.title())
                    : new ApplicationRefusedException("apply.refused.late", "The call for '" + challenge.title() + "' closed on "
                            + DEADLINE.format(challenge.callClosesAt()) + "; late applications are refused.",
                            challenge.title(), challenge.callClosesAt());
        }
        // One live application per company and challenge (the unique key active_company also stops a race).
        Optional<Application> earlier = applications.findByChallengeIdAndActiveCompany(s.challengeId(), s.companyGroup());
        if (earlier.isPresent()) {
            String when = DEADLINE.format(earlier.get().view().submittedAt());
            throw new ApplicationRefusedException("apply.refused.alreadyApplied", "Your company already applied to '"
                    + challenge.title() + "' (" + when + "). Withdraw that application first to send another one.",
                    challenge.title(), earlier.get().view().submittedAt());
        }
        Application application;
        try {
            application = applications.saveAndFlush(new Application(s, now));
        } catch (DataIntegrityViolationException sameMoment) {
            throw new ApplicationRefusedException("apply.refused.alreadyApplied", "Your company already applied to '"
                    + challenge.title() + "'.", challenge.title(), now);
        }
        runtimeService.startProcessInstanceByKey(ApplicationProcess.KEY, application.id().toString(), Map.of(
                ApplicationProcess.APPLICATION_ID, application.id().toString(),
                ApplicationProcess.CHALLENGE_ID, s.challengeId().toString(),
                ApplicationProcess.COMPANY_GROUP, s.companyGroup()));
        return application.id();
    }

    static void validate(Submission s) {
        require(s.solutionTitle() != null && !s.solutionTitle().isBlank() && s.solutionTitle().length() <= 200,
                "solutionTitle", "between 1 and 200 characters");
        require(s.pitch() != null && !s.pitch().isBlank() && s.pitch().length() <= 4000, "pitch", "between 1 and 4000 characters");
        require(s.requestedBudget() != null && s.requestedBudget().signum() > 0, "requestedBudget", "an amount above 0");
        require(s.trl() >= 1 && s.trl() <= 9, "trl", "a technology readiness level from 1 to 9");
        require(s.country() != null && s.country().matches("[A-Z]{2}"), "country", "a two-letter country code such as BE");
        require(s.employees() >= 1, "employees", "at least 1");
        require(s.companyGroup() != null && s.companyGroup().startsWith("company-"), "companyGroup", "a company organisation");
    }

    /** The same keys as the apply form's own constraints (apply.error.<field>), so a page says the same thing. */
    private static void require(boolean condition, String field, String english) {
        if (!condition) {
            throw new RuleViolationException(field, "apply.error." + field, english);
        }
    }

    @Override
    public void withdraw(UUID applicationId, String companyGroup) {
        Application application = get(applicationId);
        if (!application.companyGroup().equals(companyGroup)) {
            throw new NoSuchElementException("No application " + applicationId); // do not reveal others' applications
        }
        Challenges.ChallengeView challenge = challenges.find(application.view().challengeId()).orElseThrow();
        if (application.status() != Application.Status.SUBMITTED || !challenge.acceptsApplications(clock.instant())) {
            throw new ApplicationRefusedException("apply.refused.withdrawClosed",
                    "An application can only be withdrawn while the call is open"
                    + (challenge.callClosesAt() != null ? " (until " + DEADLINE.format(challenge.callClosesAt()) + ")" : "") + ".");
        }
        application.withdraw();
        correlate(applicationId, ApplicationProcess.MESSAGE_WITHDRAWN, Map.of());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ApplicationView> find(UUID applicationId) {
        return applications.findById(applicationId).map(Application::view);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ApplicationView> ofCompany(String companyGroup) {
        return applications.findByCompanyGroupOrderBySubmittedAtDesc(companyGroup).stream().map(Application::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ApplicationView> submittedTo(UUID challengeId) {
        return byStatus(challengeId, EnumSet.of(Application.Status.SUBMITTED));
    }

    @Override
    @Transactional(readOnly = true)
    public List<ApplicationView> eligibleFor(UUID challengeId) {
        return byStatus(challengeId, EnumSet.complementOf(EnumSet.of(Application.Status.SUBMITTED,
                Application.Status.WITHDRAWN, Application.Status.INELIGIBLE)));
    }

    @Override
    public void decideEligibility(UUID applicationId, List<String> reasons) {
        get(applicationId).eligibility(reasons);
        correlate(applicationId, ApplicationProcess.MESSAGE_ELIGIBILITY_DECIDED, Map.of(ApplicationProcess.ELIGIBLE, reasons.isEmpty()));
    }

    @Override
    public void announceSelection(UUID challengeId, UUID selectedApplicationId) {
        for (Application application : applications.findByChallengeIdAndStatusInOrderBySubmittedAt(challengeId,
                EnumSet.of(Application.Status.UNDER_REVIEW))) {
            boolean selected = application.id().equals(selectedApplicationId);
            application.selection(selected);
            correlate(application.id(), ApplicationProcess.MESSAGE_SELECTION_DECIDED, Map.of(ApplicationProcess.SELECTED, selected));
        }
    }

    @Override
    public void contractConcluded(UUID applicationId, String contractOutcome) {
        get(applicationId).contract("signed".equals(contractOutcome));
        correlate(applicationId, ApplicationProcess.MESSAGE_CONTRACT_CONCLUDED, Map.of(ApplicationProcess.CONTRACT_OUTCOME, contractOutcome));
    }

    @Override
    public void pilotEnded(UUID applicationId) {
        get(applicationId).pilotEnded();
        correlate(applicationId, ApplicationProcess.MESSAGE_PILOT_ENDED, Map.of());
    }

    @Override
    public void pilotEvaluated(UUID applicationId) {
        get(applicationId).evaluated();
        correlate(applicationId, ApplicationProcess.MESSAGE_PILOT_EVALUATED, Map.of());
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> timeline(UUID applicationId) {
        return timelineSteps(applicationId).stream().map(TimelineStep::name).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<TimelineStep> timelineSteps(UUID applicationId) {
        var instance = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ApplicationProcess.KEY).processInstanceBusinessKey(applicationId.toString()).singleResult();
        if (instance == null) {
            return List.of();
        }
        return historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc()
                .list().stream()
                .filter(a -> TIMELINE_TYPES.contains(a.getActivityType()))
                .map(a -> new TimelineStep(a.getActivityId(), a.getActivityName()))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public PublicResults publicResults(UUID challengeId) {
        List<Application> all = applications.findByChallengeIdAndStatusInOrderBySubmittedAt(challengeId,
                EnumSet.complementOf(EnumSet.of(Application.Status.WITHDRAWN)));
        List<Application> eligible = all.stream().filter(a -> !DECIDED_BEFORE_SELECTION.contains(a.status())).toList();
        // final once the selection is announced: no eligible application is still waiting for it
        boolean isFinal = !eligible.isEmpty() && eligible.stream().noneMatch(a -> a.status() == Application.Status.UNDER_REVIEW);
        List<ApplicationView> selected = isFinal
                ? eligible.stream().filter(a -> SELECTED_OR_LATER.contains(a.status())).map(Application::view).toList()
                : List.of();
        return new PublicResults(all.size(), eligible.size(), isFinal, selected);
    }

    private static final EnumSet<Application.Status> DECIDED_BEFORE_SELECTION =
            EnumSet.of(Application.Status.SUBMITTED, Application.Status.INELIGIBLE);
    private static final EnumSet<Application.Status> SELECTED_OR_LATER = EnumSet.of(Application.Status.SELECTED,
            Application.Status.CONTRACTING, Application.Status.PILOTING, Application.Status.EVALUATING,
            Application.Status.EVALUATED, Application.Status.CONTRACT_NOT_SIGNED);

    @Override
    @Transactional(readOnly = true)
    public List<ApplicationView> receivedBy(UUID challengeId) {
        return byStatus(challengeId, EnumSet.complementOf(EnumSet.of(Application.Status.WITHDRAWN)));
    }

    private List<ApplicationView> byStatus(UUID challengeId, EnumSet<Application.Status> statuses) {
        return applications.findByChallengeIdAndStatusInOrderBySubmittedAt(challengeId, statuses).stream()
                .map(Application::view).toList();
    }

    private void correlate(UUID applicationId, String message, Map<String, Object> variables) {
        runtimeService.createMessageCorrelation(message)
                .processInstanceBusinessKey(applicationId.toString())
                .setVariables(variables)
                .correlate();
    }

    private Application get(UUID applicationId) {
        return applications.findById(applicationId).orElseThrow(() -> new NoSuchElementException("No application " + applicationId));
    }
}
