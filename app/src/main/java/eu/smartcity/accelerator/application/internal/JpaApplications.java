package eu.smartcity.accelerator.application.internal;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.application.ApplicationProcess;
import eu.smartcity.accelerator.application.ApplicationRefusedException;
import eu.smartcity.accelerator.shared.RuleViolationException;
import eu.smartcity.accelerator.application.ApplicationStatus;
import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.identity.Contacts;
import jakarta.validation.Validator;
import eu.smartcity.accelerator.workflow.ProcessVariables;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.NativeProcessInstanceQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.MessageSource;
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
    private final ManagementService managementService;
    private final Contacts contacts;
    private final Validator validator;
    private final MessageSource messages;
    private final Clock clock = Clock.systemUTC();

    JpaApplications(ApplicationRepository applications, Challenges challenges, RuntimeService runtimeService,
            HistoryService historyService, ManagementService managementService, Contacts contacts, Validator validator,
            MessageSource messages) {
        this.managementService = managementService;
        this.contacts = contacts;
        this.validator = validator;
        this.messages = messages;
        this.applications = applications;
        this.challenges = challenges;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
    }

    @Override
    public UUID submit(Submission s) {
        return submit(s, clock.instant());
    }

    @Override
    public UUID submit(Submission s, Instant now) {
        validate(s);
        Challenges.ChallengeView challenge = challenges.find(s.challengeId())
                .orElseThrow(() -> new ApplicationRefusedException("apply.refused.noChallenge",
                        "There is no challenge " + s.challengeId() + "."));
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
        // the business key is the application's id, and its row holds the challenge and the company: no variables
        // (issue 19: applicationId since slice appmodel, challengeId and companyGroup since slice appvars — readers
        // such as the notifications look the row up by the business key)
        runtimeService.startProcessInstanceByKey(ApplicationProcess.KEY, application.id().toString());
        return application.id();
    }

    /** The submission's own constraints ({@link Submission}); the first one broken, in the form's order, is refused. */
    private void validate(Submission s) {
        validator.validate(s).stream()
                .min(Comparator.comparingInt(v -> Submission.FIELDS.indexOf(v.getPropertyPath().toString())))
                .ifPresent(broken -> {
                    String field = broken.getPropertyPath().toString();
                    String key = broken.getMessageTemplate().replaceAll("^\\{|\\}$", "");
                    throw new RuleViolationException(field, key, messages.getMessage(key, null, key, Locale.ENGLISH));
                });
    }

    @Override
    public void withdraw(UUID applicationId, String companyGroup) {
        Application application = get(applicationId);
        if (!application.companyGroup().equals(companyGroup)) {
            throw new NoSuchElementException("No application " + applicationId); // do not reveal others' applications
        }
        Challenges.ChallengeView challenge = challenges.find(application.view().challengeId()).orElseThrow();
        if (application.status() != ApplicationStatus.SUBMITTED || !challenge.acceptsApplications(clock.instant())) {
            throw new ApplicationRefusedException("apply.refused.withdrawClosed",
                    "An application can only be withdrawn while the call is open"
                    + (challenge.callClosesAt() != null ? " (until " + DEADLINE.format(challenge.callClosesAt()) + ")" : "") + ".");
        }
        application.withdraw(clock.instant());
        if (!olderVersionTook(applicationId, ApplicationProcess.MESSAGE_WITHDRAWN, Map.of())) {
            Execution waiting = waiting(applicationId, ApplicationProcess.RECEIVE_AWAIT_ELIGIBILITY);
            runtimeService.signal(waiting.getId(), ApplicationProcess.eligibilityAt(waiting, ApplicationProcess.Eligibility.WITHDRAWN));
        }
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
        return byStatus(challengeId, EnumSet.of(ApplicationStatus.SUBMITTED));
    }

    @Override
    @Transactional(readOnly = true)
    public List<ApplicationView> eligibleFor(UUID challengeId) {
        return byStatus(challengeId, EnumSet.complementOf(EnumSet.of(ApplicationStatus.SUBMITTED,
                ApplicationStatus.WITHDRAWN, ApplicationStatus.INELIGIBLE)));
    }

    @Override
    public void decideEligibility(UUID applicationId, List<String> reasons) {
        decideEligibility(Map.of(applicationId, reasons));
    }

    /**
     * The outcome is transient for instances of the current model (ApplicationProcess.eligibilityAt): before issue 19
     * (slice announce) every eligible application stored it at the eligibility check (insert) and its end deleted it
     * again (select, delete), though no step after Gateway_Eligible reads it.
     */
    @Override
    public void decideEligibility(Map<UUID, List<String>> reasonsByApplication) {
        Map<UUID, Execution> waiting = waitingAt(ApplicationProcess.RECEIVE_AWAIT_ELIGIBILITY, List.copyOf(reasonsByApplication.keySet()));
        // each company is mailed its verdict as its process moves on: their addresses in one query, not one per mail
        contacts.readAhead(reasonsByApplication.keySet().stream().map(id -> get(id).companyGroup()).toList());
        reasonsByApplication.forEach((applicationId, reasons) -> {
            get(applicationId).eligibility(reasons, clock.instant());
            Execution execution = waiting.get(applicationId);
            runtimeService.signal(execution.getId(), ApplicationProcess.eligibilityAt(execution,
                    reasons.isEmpty() ? ApplicationProcess.Eligibility.ELIGIBLE : ApplicationProcess.Eligibility.INELIGIBLE));
        });
    }

    @Override
    public void announceSelection(UUID challengeId, UUID selectedApplicationId) {
        List<Application> underReview = inStatus(challengeId, EnumSet.of(ApplicationStatus.UNDER_REVIEW));
        Map<UUID, Execution> waiting = waitingAt(ApplicationProcess.RECEIVE_UNDER_REVIEW,
                underReview.stream().map(Application::id).toList());
        // each company is mailed the result as its process moves on: their addresses in one query, not one per mail
        contacts.readAhead(underReview.stream().map(Application::companyGroup).toList());
        for (Application application : underReview) {
            boolean selected = application.id().equals(selectedApplicationId);
            application.moveTo(selected ? ApplicationStatus.CONTRACTING : ApplicationStatus.NOT_SELECTED, clock.instant());
            // transient: only Gateway_Selected reads it, in this transaction (an unselected application ends in it)
            runtimeService.signal(waiting.get(application.id()).getId(), ProcessVariables.of(ApplicationProcess.SELECTION.withTransient(
                    selected ? ApplicationProcess.Selection.SELECTED : ApplicationProcess.Selection.NOT_SELECTED)));
        }
    }

    @Override
    public void noSelectionMade(UUID challengeId) {
        for (Application application : inStatus(challengeId,
                EnumSet.of(ApplicationStatus.UNDER_REVIEW))) {
            application.moveTo(ApplicationStatus.NO_SELECTION, clock.instant());
            if (!olderVersionTook(application.id(), ApplicationProcess.MESSAGE_NO_SELECTION_MADE, Map.of())) {
                moveOn(application.id(), ApplicationProcess.RECEIVE_UNDER_REVIEW,
                        ProcessVariables.of(ApplicationProcess.SELECTION.with(ApplicationProcess.Selection.NO_SELECTION)));
            }
        }
    }

    @Override
    public void challengeStopped(UUID challengeId, ApplicationStatus ending, String reason) {
        if (ending != ApplicationStatus.CHALLENGE_WITHDRAWN && ending != ApplicationStatus.CYCLE_CLOSED) {
            throw new IllegalArgumentException("A stopped challenge ends its applications as CHALLENGE_WITHDRAWN or CYCLE_CLOSED, not " + ending);
        }
        for (Application application : inStatus(challengeId,
                EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW))) {
            boolean submitted = application.status() == ApplicationStatus.SUBMITTED;
            application.moveTo(ending, clock.instant());
            Map<String, Object> why = ProcessVariables.of(
                    ApplicationProcess.ENDED_AS.with(ending), ApplicationProcess.STOP_REASON.with(reason == null ? "" : reason));
            if (!olderVersionTook(application.id(), ApplicationProcess.MESSAGE_CHALLENGE_STOPPED, why)) {
                why.putAll(submitted
                        ? ProcessVariables.of(ApplicationProcess.ELIGIBILITY.with(ApplicationProcess.Eligibility.CHALLENGE_STOPPED))
                        : ProcessVariables.of(ApplicationProcess.SELECTION.with(ApplicationProcess.Selection.CHALLENGE_STOPPED)));
                moveOn(application.id(), submitted ? ApplicationProcess.RECEIVE_AWAIT_ELIGIBILITY : ApplicationProcess.RECEIVE_UNDER_REVIEW, why);
            }
        }
    }

    @Override
    public void companySigned(UUID applicationId) {
        moveOnFrom(ApplicationStatus.CONTRACTING, ApplicationStatus.COMPANY_SIGNED, applicationId);
    }

    /**
     * Only from the status the step follows: a contract or pilot that is not this application's own (a replication
     * of an old pilot whose original contract is unknown) leaves it be.
     */
    private void moveOnFrom(ApplicationStatus from, ApplicationStatus to, UUID applicationId) {
        Application application = get(applicationId);
        if (application.status() == from) {
            application.moveTo(to, clock.instant());
        }
    }

    @Override
    public void contractConcluded(UUID applicationId, ChallengeProcess.ContractOutcome contractOutcome) {
        ApplicationStatus next = switch (contractOutcome) {
            case SIGNED -> ApplicationStatus.CONTRACT_SIGNED;
            case DECLINED -> ApplicationStatus.CONTRACT_DECLINED;
            case EXPIRED -> ApplicationStatus.CONTRACT_EXPIRED;
        };
        get(applicationId).moveTo(next, clock.instant());
        moveOn(applicationId, ApplicationProcess.RECEIVE_CONTRACTING, ProcessVariables.of(ApplicationProcess.CONTRACT_OUTCOME.with(contractOutcome)));
    }

    @Override
    public void pilotKickedOff(UUID applicationId) {
        moveOnFrom(ApplicationStatus.CONTRACT_SIGNED, ApplicationStatus.PILOTING, applicationId);
    }

    @Override
    public void pilotEnded(UUID applicationId) {
        get(applicationId).moveTo(ApplicationStatus.EVALUATING, clock.instant());
        moveOn(applicationId, ApplicationProcess.RECEIVE_PILOTING, Map.of());
    }

    @Override
    public void pilotEvaluated(UUID applicationId) {
        get(applicationId).moveTo(ApplicationStatus.EVALUATED, clock.instant());
        moveOn(applicationId, ApplicationProcess.RECEIVE_EVALUATING, Map.of());
    }

    @Override
    @Transactional(readOnly = true)
    public List<StatusChange> history(UUID applicationId) {
        return get(applicationId).history();
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
        List<Application> all = inStatus(challengeId,
                EnumSet.complementOf(EnumSet.of(ApplicationStatus.WITHDRAWN)));
        List<Application> eligible = all.stream().filter(a -> !DECIDED_BEFORE_SELECTION.contains(a.status())).toList();
        // final once the selection is announced: no eligible application is still waiting for it
        boolean isFinal = !eligible.isEmpty() && eligible.stream().noneMatch(a -> a.status() == ApplicationStatus.UNDER_REVIEW);
        List<ApplicationView> selected = isFinal
                ? eligible.stream().filter(a -> ApplicationStatus.SELECTED.contains(a.status())).map(Application::view).toList()
                : List.of();
        return new PublicResults(all.size(), eligible.size(), isFinal, selected);
    }

    private static final EnumSet<ApplicationStatus> DECIDED_BEFORE_SELECTION =
            EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.INELIGIBLE);

    @Override
    @Transactional(readOnly = true)
    public List<ApplicationView> receivedBy(UUID challengeId) {
        return byStatus(challengeId, EnumSet.complementOf(EnumSet.of(ApplicationStatus.WITHDRAWN)));
    }

    /** A challenge's applications in these statuses, first submitted first (see {@link ApplicationRepository#findByChallengeIdOrderBySubmittedAt}). */
    private List<Application> inStatus(UUID challengeId, EnumSet<ApplicationStatus> statuses) {
        if (statuses.size() == 1) {
            return applications.findByChallengeIdAndStatusOrderBySubmittedAt(challengeId, statuses.iterator().next());
        }
        return applications.findByChallengeIdOrderBySubmittedAt(challengeId).stream().filter(a -> statuses.contains(a.status())).toList();
    }

    private List<ApplicationView> byStatus(UUID challengeId, EnumSet<ApplicationStatus> statuses) {
        return inStatus(challengeId, statuses).stream()
                .map(Application::view).toList();
    }

    /**
     * For the withdrawal, no selection and the challenge stopping, rare steps: instances of versions before issue 19
     * (slice appends) wait for a message there (boundary events, an event subprocess) and are told by it; true when one
     * was. Newer instances have no subscription, so nothing is correlated, and they are moved on with the outcome.
     */
    private boolean olderVersionTook(UUID applicationId, String message, Map<String, Object> variables) {
        return !runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(applicationId.toString())
                .setVariables(variables).correlateAllWithResult().isEmpty();
    }

    /**
     * Moves the application on from a wait state. Its receive tasks wait for no message and carry no boundary event: a
     * message costs a subscription written on entry and deleted on exit, a boundary event a child execution too. The
     * execution waiting there is signalled with the state's outcome; the variables go to the process instance, as with
     * a correlation. Instances of older versions, whose receive tasks wait for messages, move on the same way (a signal
     * leaves a receive task whatever it waits for). Two signals at once: the execution's revision lets one through
     * (ConcurrencyTest).
     */
    private void moveOn(UUID applicationId, String waitState, Map<String, Object> variables) {
        runtimeService.signal(waiting(applicationId, waitState).getId(), variables);
    }

    /** The execution of this application waiting at the state: the process instance, or a child in older models. */
    private Execution waiting(UUID applicationId, String waitState) {
        Execution waiting = runtimeService.createExecutionQuery()
                .processInstanceBusinessKey(applicationId.toString()).activityId(waitState).singleResult();
        if (waiting == null) {
            throw new IllegalStateException("The application " + applicationId + " is not waiting at " + waitState);
        }
        return waiting;
    }

    /** Application process instances looked up in one statement (bind parameters of an {@code IN} list). */
    private static final int LOOK_UP_AT_ONCE = 500;

    /**
     * The executions of these applications waiting at the state, by application id, for the steps that move a
     * challenge's applications on together (the eligibility check, the selection's announcement): one statement per
     * {@value #LOOK_UP_AT_ONCE} finds the process instances that wait there themselves (models since issue 19, slice
     * appends), where {@link #waiting} asks once per application (issue 19, slice announce). An application it does
     * not find (an instance of an older model waits in a child execution) is looked up alone, and one waiting nowhere
     * is refused as before. The instances found are in the command's cache, so the signals do not read them again.
     */
    private Map<UUID, Execution> waitingAt(String waitState, List<UUID> applicationIds) {
        Map<UUID, Execution> found = new HashMap<>();
        if (applicationIds.size() > 1) {
            for (int from = 0; from < applicationIds.size(); from += LOOK_UP_AT_ONCE) {
                List<UUID> some = applicationIds.subList(from, Math.min(from + LOOK_UP_AT_ONCE, applicationIds.size()));
                NativeProcessInstanceQuery query = runtimeService.createNativeProcessInstanceQuery();
                StringBuilder keys = new StringBuilder();
                for (int i = 0; i < some.size(); i++) {
                    keys.append(i == 0 ? "#{k" : ", #{k").append(i).append('}');
                    query.parameter("k" + i, some.get(i).toString());
                }
                query.sql("SELECT RES.* FROM " + managementService.getTableName(ProcessInstance.class) + " RES"
                        + " WHERE RES.PARENT_ID_ IS NULL AND RES.ACT_ID_ = #{activityId} AND RES.BUSINESS_KEY_ IN (" + keys + ")"
                        + " AND RES.PROC_DEF_ID_ IN (SELECT D.ID_ FROM " + managementService.getTableName(ProcessDefinition.class)
                        + " D WHERE D.KEY_ = #{key})")
                        .parameter("activityId", waitState).parameter("key", ApplicationProcess.KEY);
                for (ProcessInstance instance : query.list()) {
                    found.put(UUID.fromString(instance.getBusinessKey()), instance);
                }
            }
        }
        Map<UUID, Execution> inOrder = new LinkedHashMap<>();
        for (UUID applicationId : applicationIds) {
            Execution execution = found.get(applicationId);
            inOrder.put(applicationId, execution != null ? execution : waiting(applicationId, waitState));
        }
        return inOrder;
    }

    private Application get(UUID applicationId) {
        return applications.findById(applicationId).orElseThrow(() -> new NoSuchElementException("No application " + applicationId));
    }
}
