package eu.smartcity.accelerator.challenge.internal;

import eu.smartcity.accelerator.shared.RuleViolationException;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.ChallengeStage;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.challenge.ExtraLines;
import eu.smartcity.accelerator.cycle.Bylaws;
import eu.smartcity.accelerator.cycle.Cycles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Challenges and the state changes their process asks for. */
@Service("challenges")
@Transactional
public class JpaChallenges implements Challenges {

    private final ChallengeRepository challenges;
    private final ChallengeRemarks remarks;
    private final ChallengeExtras extras;
    private final Cycles cycles;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final WindowChanges windowChanges;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    JpaChallenges(ChallengeRepository challenges, ChallengeRemarks remarks, ChallengeExtras extras, Cycles cycles,
            RuntimeService runtimeService, ManagementService managementService, WindowChanges windowChanges,
            ApplicationEventPublisher events) {
        this.challenges = challenges;
        this.remarks = remarks;
        this.extras = extras;
        this.cycles = cycles;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.windowChanges = windowChanges;
        this.events = events;
    }

    /** Declared here, not only as the interface's default: so it runs in this class's transaction. */
    @Override
    public UUID launch(UUID cycleId, String cityGroup, Definition definition) {
        return launch(cycleId, cityGroup, definition, CallWindow.DEFAULT, List.of());
    }

    @Override
    public UUID launch(UUID cycleId, String cityGroup, Definition definition, CallWindow proposed) {
        return launch(cycleId, cityGroup, definition, proposed, List.of());
    }

    @Override
    public UUID launch(UUID cycleId, String cityGroup, Definition definition, List<Extra> cityFunds) {
        return launch(cycleId, cityGroup, definition, CallWindow.DEFAULT, cityFunds);
    }

    @Override
    public UUID launch(UUID cycleId, String cityGroup, Definition definition, CallWindow proposed, List<Extra> cityFunds) {
        if (!"OPEN".equals(cycles.get(cycleId).status())) {
            // a closed cycle takes no new challenges (the portal offers open cycles only; this holds for every caller)
            throw new RuleViolationException(ChallengeProcess.CYCLE_ID.name(), "challenge.error.cycleClosed", "the cycle is closed");
        }
        Bylaws bylaws = cycles.bylawsOf(cycleId);
        validate(definition, bylaws);
        CallWindow window = new CallWindow(seconds(proposed.opensAt()), seconds(proposed.closesAt()));
        validate(window, bylaws, clock.instant());
        ExtraLines.check(cityFunds);
        Challenge challenge = challenges.save(new Challenge(cycleId, cityGroup, definition, window));
        store(challenge.id(), cityFunds);
        Map<String, Object> variables = new HashMap<>();
        variables.put(ChallengeProcess.CHALLENGE_ID.name(), ChallengeProcess.CHALLENGE_ID.stored(challenge.id()));
        variables.put(ChallengeProcess.CYCLE_ID.name(), ChallengeProcess.CYCLE_ID.stored(cycleId));
        variables.put(ChallengeProcess.CITY_GROUP.name(), cityGroup);
        for (String duration : ChallengeProcess.DURATIONS) {
            variables.put(duration, bylaws.duration(duration));
        }
        variables.put(ChallengeProcess.MILESTONE_COUNT.name(), ChallengeProcess.MILESTONE_COUNT.stored(bylaws.milestonesPerPilot()));
        // The definition as variables too, so the revise form (same field keys) opens pre-filled.
        variables.put(ChallengeProcess.TITLE.name(), definition.title());
        variables.put(ChallengeProcess.PROBLEM.name(), definition.problem());
        variables.put(ChallengeProcess.OPEN_DATASETS.name(), definition.openDatasets());
        variables.put(ChallengeProcess.BUDGET_CAP.name(), definition.budgetCap().longValue());
        variables.put(ChallengeProcess.KPIS.name(), definition.kpis());
        variables.put(ChallengeProcess.LANGUAGES.name(), definition.languages());
        variables.put(ChallengeProcess.MIN_TRL.name(), (long) definition.minTrl());
        // the proposed window pre-fills the approval task's date fields (Brussels time; empty: the defaults)
        variables.put(ChallengeProcess.CALL_OPENS_AT.name(), eu.smartcity.accelerator.challenge.CallDates.local(window.opensAt()));
        variables.put(ChallengeProcess.CALL_CLOSES_AT.name(), eu.smartcity.accelerator.challenge.CallDates.local(window.closesAt()));
        challenge.started(runtimeService.startProcessInstanceByKey(ChallengeProcess.KEY, challenge.id().toString(), variables)
                .getId());
        return challenge.id();
    }

    /** The challenge form's rules; the portal shows these messages next to the fields. */
    static void validate(Definition d, Bylaws bylaws) {
        if (d.title() == null || d.title().isBlank() || d.title().length() > 200) {
            throw new RuleViolationException(ChallengeProcess.TITLE.name(), "challenge.error.title", "between 1 and 200 characters");
        }
        if (d.problem() == null || d.problem().isBlank() || d.problem().length() > 4000) {
            throw new RuleViolationException(ChallengeProcess.PROBLEM.name(), "challenge.error.problem", "between 1 and 4000 characters");
        }
        if (d.budgetCap() == null || d.budgetCap().signum() <= 0 || d.budgetCap().compareTo(bylaws.budgetPerPilot()) > 0) {
            throw new RuleViolationException(ChallengeProcess.BUDGET_CAP.name(), "challenge.error.budgetCap",
                    "more than 0 and at most the bylaws' cap of EUR " + bylaws.budgetPerPilot(), bylaws.budgetPerPilot());
        }
        if (d.minTrl() < 1 || d.minTrl() > 9) {
            throw new RuleViolationException(ChallengeProcess.MIN_TRL.name(), "challenge.error.minTrl", "a technology readiness level from 1 to 9");
        }
    }

    /**
     * A call window's rules, empty dates standing for their defaults: the opening not in the past, the closing after
     * the opening (an empty opening: now), and between the bylaws' callWindowMin and callWindowMax apart.
     */
    static void validate(CallWindow window, Bylaws bylaws, Instant now) {
        if (window.opensAt() != null && window.opensAt().isBefore(now.truncatedTo(ChronoUnit.MINUTES))) {
            throw new RuleViolationException(ChallengeProcess.CALL_OPENS_AT.name(), "challenge.error.callOpensAtPast", "the opening date must not be in the past");
        }
        if (window.closesAt() == null) {
            return;
        }
        Instant opens = window.opensAt() != null ? window.opensAt() : now;
        if (!window.closesAt().isAfter(opens)) {
            throw new RuleViolationException(ChallengeProcess.CALL_CLOSES_AT.name(), "challenge.error.callClosesBeforeOpening",
                    "the closing date must be after the opening date");
        }
        Duration length = Duration.between(opens, window.closesAt());
        long minDays = bylaws.callWindowMin().toDays();
        long maxDays = bylaws.callWindowMax().toDays();
        if (length.compareTo(bylaws.callWindowMin()) < 0 || length.compareTo(bylaws.callWindowMax()) > 0) {
            throw new RuleViolationException(ChallengeProcess.CALL_CLOSES_AT.name(), "challenge.error.callWindowLength",
                    "the call must stay open between " + minDays + " and " + maxDays + " days", minDays, maxDays);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public CallWindow proposedWindow(UUID challengeId) {
        return get(challengeId).proposedWindow();
    }

    @Override
    @Transactional(readOnly = true)
    public CallWindow callWindow(UUID challengeId) {
        Challenge challenge = get(challengeId);
        return switch (challenge.stage()) {
            case SUBMITTED, SENT_BACK -> CallWindow.DEFAULT;
            case APPROVED -> challenge.proposedWindow();
            default -> new CallWindow(challenge.callOpensAt(), challenge.callClosesAt());
        };
    }

    @Override
    @Transactional(readOnly = true)
    public List<Extra> extrasOf(UUID challengeId) {
        return extras.findByChallengeIdOrderByPosition(challengeId).stream().map(ChallengeExtra::view).toList();
    }

    @Override
    public void changeExtras(UUID challengeId, List<Extra> cityFunds) {
        Challenge challenge = get(challengeId);
        if (challenge.stage().published()) {
            // once published, the call (and the OCDS tender) says what the city funds; it does not change under applicants
            throw new RuleViolationException("extraDescription-0", "extra.error.published",
                    "the call is published: what the city funds beside the pilot no longer changes");
        }
        ExtraLines.check(cityFunds);
        extras.deleteByChallengeId(challengeId);
        store(challengeId, cityFunds);
    }

    private void store(UUID challengeId, List<Extra> cityFunds) {
        for (int i = 0; i < cityFunds.size(); i++) {
            extras.save(new ChallengeExtra(challengeId, i, cityFunds.get(i)));
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<java.util.Locale> contractLanguage(UUID challengeId) {
        return challenges.findById(challengeId).map(c -> {
            if (c.contractLanguage() != null) {
                return java.util.Locale.forLanguageTag(c.contractLanguage());
            }
            String listed = c.languages() == null ? "" : c.languages().toLowerCase(java.util.Locale.ROOT);
            return java.util.Arrays.stream(listed.split("[^a-z]+")).filter(CONTRACT_LANGUAGES::contains).findFirst()
                    .map(java.util.Locale::forLanguageTag).orElse(java.util.Locale.ENGLISH);
        });
    }

    @Override
    public void chooseContractLanguage(UUID challengeId, String language) {
        Challenge challenge = get(challengeId);
        if (!CONTRACT_LANGUAGES.contains(language)) {
            throw new RuleViolationException("contractLanguage", "challenge.error.contractLanguage",
                    "the contract language is one of " + CONTRACT_LANGUAGES);
        }
        if (challenge.stage().ordinal() >= ChallengeStage.CONTRACTING.ordinal()) {
            // the contract is drawn up (or the challenge ended): the parties negotiate and sign the text they have
            throw new RuleViolationException("contractLanguage", "challenge.error.contractLanguageFixed",
                    "the contract is drawn up: its language no longer changes");
        }
        challenge.chooseContractLanguage(language);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ChallengeView> find(UUID challengeId) {
        return challenges.findById(challengeId).map(Challenge::view);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ChallengeView> ofCity(String cityGroup) {
        return challenges.findByCityGroupOrderByTitle(cityGroup).stream().map(Challenge::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ChallengeView> published() {
        return challenges.findByStageOrderByCallClosesAt(ChallengeStage.PUBLISHED).stream().map(Challenge::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ChallengeView> ofCycle(UUID cycleId) {
        return challenges.findByCycleIdOrderByTitle(cycleId).stream().map(Challenge::view).toList();
    }

    // ---- state changes asked for by the challenge process (delegates and listeners) ----

    public void sendBack(UUID challengeId, String remarks) {
        Challenge challenge = get(challengeId);
        challenge.sentBack(remarks);
        this.remarks.save(new ChallengeRemark(challenge.id(), remarks, clock.instant()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Remark> remarksOf(UUID challengeId) {
        return remarks.findByChallengeIdOrderBySentBackAtAsc(challengeId).stream()
                .map(r -> new Remark(r.remarks(), r.sentBackAt())).toList();
    }

    public void revise(UUID challengeId, Definition definition) {
        Challenge challenge = get(challengeId);
        validate(definition, cycles.bylawsOf(challenge.cycleId()));
        challenge.resubmitted(definition);
    }

    /**
     * The coordinator approved: the window as amended in the task (or else as proposed, or else the defaults: opening
     * now, closing the bylaws' callWindow later) is checked and fixed; the process's timers are set from it.
     */
    public CallWindow approve(UUID challengeId, CallWindow amended) {
        Challenge challenge = get(challengeId);
        Bylaws bylaws = cycles.bylawsOf(challenge.cycleId());
        Instant now = clock.instant();
        CallWindow proposed = challenge.proposedWindow();
        Instant opens = seconds(amended.opensAt() != null ? amended.opensAt() : proposed.opensAt());
        Instant closes = seconds(amended.closesAt() != null ? amended.closesAt() : proposed.closesAt());
        boolean openingAsProposed = amended.opensAt() == null || amended.opensAt().equals(proposed.opensAt());
        if (opens != null && opens.isBefore(now) && openingAsProposed) {
            opens = null; // the proposed opening passed while waiting for approval: it opens now
        }
        validate(new CallWindow(opens, closes), bylaws, now);
        Instant fixedOpens = opens != null ? opens : now.truncatedTo(ChronoUnit.SECONDS);
        Instant fixedCloses = closes != null ? closes : fixedOpens.plus(Bylaws.parseDuration(bylaws.duration("callWindow")));
        challenge.approved(fixedOpens, fixedCloses);
        return new CallWindow(fixedOpens, fixedCloses);
    }

    /** The call opens (at its opening date, or at once); returns its closing date. */
    public Instant publish(UUID challengeId) {
        Challenge challenge = get(challengeId);
        challenge.published(clock.instant());
        return challenge.callClosesAt();
    }

    @Override
    @Transactional(readOnly = true)
    public void checkExtension(UUID challengeId, Instant newClosesAt, String reason) {
        checkExtension(get(challengeId), seconds(newClosesAt), reason);
    }

    private void checkExtension(Challenge challenge, Instant closes, String reason) {
        requireOpen(challenge);
        Bylaws bylaws = cycles.bylawsOf(challenge.cycleId());
        Instant before = challenge.callClosesAt();
        if (closes == null || !closes.isAfter(before)) {
            throw new RuleViolationException("newClosesAt", "challenge.error.extendNotLater",
                    "the new closing date must be later than the current one", before);
        }
        Instant opened = challenge.callOpensAt() != null ? challenge.callOpensAt() : clock.instant();
        if (Duration.between(opened, closes).compareTo(bylaws.callWindowMax()) > 0) {
            throw new RuleViolationException("newClosesAt", "challenge.error.extendBeyondMax",
                    "the call may stay open at most " + bylaws.callWindowMax().toDays() + " days",
                    bylaws.callWindowMax().toDays(), opened.plus(bylaws.callWindowMax()));
        }
        requireReason(reason);
    }

    @Override
    public CallWindowChange extendCall(UUID challengeId, Instant newClosesAt, String reason, String coordinator) {
        Challenge challenge = get(challengeId);
        Instant closes = seconds(newClosesAt);
        checkExtension(challenge, closes, reason);
        Instant before = challenge.callClosesAt();
        challenge.extended(closes);
        Job timer = callTimer(challenge);
        // the timer's job was created with the old date: move it; the variable too, for anyone reading it later
        managementService.setJobDuedate(timer.getId(), java.util.Date.from(closes));
        runtimeService.setVariable(challenge.processInstanceId(), ChallengeProcess.CALL_CLOSING_DATE.name(), java.util.Date.from(closes));
        CallWindowChange change = windowChanges.save(new WindowChange(challenge.id(), CallWindowChange.Kind.EXTENDED,
                before, closes, reason.strip(), coordinator, clock.instant())).view();
        events.publishEvent(new CallWindowChanged(challenge.id(), challenge.title(), change));
        return change;
    }

    @Override
    public CallWindowChange closeCallEarly(UUID challengeId, String reason, String coordinator) {
        Challenge challenge = get(challengeId);
        requireOpen(challenge);
        requireReason(reason);
        Instant now = clock.instant();
        Instant before = challenge.callClosesAt();
        CallWindowChange change = windowChanges.save(new WindowChange(challenge.id(), CallWindowChange.Kind.CLOSED_EARLY,
                before, now, reason.strip(), coordinator, now)).view();
        // closed from now on (no application slips in before the close-call step runs) …
        challenge.closedEarly(now);
        // … and the process goes on as at its deadline: the timer fires here, the close-call step follows
        managementService.executeJob(callTimer(challenge).getId());
        events.publishEvent(new CallWindowChanged(challenge.id(), challenge.title(), change));
        return change;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CallWindowChange> callWindowChanges(UUID challengeId) {
        return windowChanges.findByChallengeIdOrderByChangedAtAsc(challengeId).stream()
                .map(WindowChange::view).toList();
    }

    private static void requireOpen(Challenge challenge) {
        if (challenge.stage() != ChallengeStage.PUBLISHED) {
            throw new RuleViolationException("challenge", "challenge.error.callNotOpen", "the call is not open");
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new RuleViolationException("reason", "challenge.error.windowReason", "a reason of 1 to 2000 characters is required");
        }
    }

    private Job callTimer(Challenge challenge) {
        Job timer = managementService.createJobQuery().processInstanceId(challenge.processInstanceId()).timers()
                .activityId(ChallengeProcess.TIMER_CALL_WINDOW_OVER).singleResult();
        if (timer == null) {
            throw new IllegalStateException("Challenge " + challenge.id() + " has no call window timer");
        }
        return timer;
    }

    /** Dates of a call window are kept to the second, so the timer's due date equals the stored one exactly. */
    private static Instant seconds(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
    }

    @Override
    public void closeCall(UUID challengeId) {
        get(challengeId).callClosed(clock.instant());
    }

    @Override
    public void withdraw(UUID challengeId, String reason, String coordinator) {
        requireReason(reason);
        Challenge challenge = stoppable(challengeId);
        if (challenge == null) {
            throw new RuleViolationException("reason", "challenge.error.notWithdrawable",
                    "only a challenge that has not reached its contract can be withdrawn");
        }
        stop(challenge, ChallengeStage.WITHDRAWN, ChallengeProcess.MESSAGE_CHALLENGE_WITHDRAWN, reason.strip());
    }

    @Override
    public List<UUID> stopWithClosedCycle(UUID cycleId) {
        List<UUID> stopped = new java.util.ArrayList<>();
        for (Challenge challenge : challenges.findByCycleIdOrderByTitle(cycleId)) {
            if (challenge.stage().stoppable() && challenge.processInstanceId() != null) {
                stop(challenge, ChallengeStage.CYCLE_CLOSED, ChallengeProcess.MESSAGE_CYCLE_CLOSED, "");
                stopped.add(challenge.id());
            }
        }
        return stopped;
    }

    /** Null unless the challenge may still stop (see {@link ChallengeStage#stoppable()}). */
    private Challenge stoppable(UUID challengeId) {
        Challenge challenge = get(challengeId);
        return challenge.stage().stoppable() && challenge.processInstanceId() != null ? challenge : null;
    }

    /** The stage first (same transaction), then the process: its interrupting event subprocess tells the applicants. */
    private void stop(Challenge challenge, ChallengeStage ending, String message, String reason) {
        challenge.entered(ending);
        runtimeService.createMessageCorrelation(message)
                .processInstanceId(challenge.processInstanceId())
                .setVariable(ChallengeProcess.STOP_REASON.name(), reason)
                .correlate();
    }

    /** The challenge process moved on: contracting, pilot, evaluation, or how it ended. */
    public void enter(UUID challengeId, ChallengeStage stage) {
        get(challengeId).entered(stage);
    }

    private Challenge get(UUID challengeId) {
        return challenges.findById(challengeId)
                .orElseThrow(() -> new NoSuchElementException("No challenge " + challengeId));
    }
}
