package eu.smartcity.accelerator.challenge.internal;

import eu.smartcity.accelerator.shared.RuleViolationException;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.ChallengeStage;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.challenge.ExtraLines;
import eu.smartcity.accelerator.cycle.Bylaws;
import eu.smartcity.accelerator.cycle.Cycles;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
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
    private final Clock clock = Clock.systemUTC();

    JpaChallenges(ChallengeRepository challenges, ChallengeRemarks remarks, ChallengeExtras extras, Cycles cycles,
            RuntimeService runtimeService) {
        this.challenges = challenges;
        this.remarks = remarks;
        this.extras = extras;
        this.cycles = cycles;
        this.runtimeService = runtimeService;
    }

    @Override
    public UUID launch(UUID cycleId, String cityGroup, Definition definition) {
        return launch(cycleId, cityGroup, definition, List.of());
    }

    @Override
    public UUID launch(UUID cycleId, String cityGroup, Definition definition, List<Extra> cityFunds) {
        if (!"OPEN".equals(cycles.get(cycleId).status())) {
            // a closed cycle takes no new challenges (the portal offers open cycles only; this holds for every caller)
            throw new RuleViolationException("cycleId", "challenge.error.cycleClosed", "the cycle is closed");
        }
        Bylaws bylaws = cycles.bylawsOf(cycleId);
        validate(definition, bylaws);
        ExtraLines.check(cityFunds);
        Challenge challenge = challenges.save(new Challenge(cycleId, cityGroup, definition));
        store(challenge.id(), cityFunds);
        Map<String, Object> variables = new HashMap<>();
        variables.put(ChallengeProcess.CHALLENGE_ID, challenge.id().toString());
        variables.put(ChallengeProcess.CYCLE_ID, cycleId.toString());
        variables.put(ChallengeProcess.CITY_GROUP, cityGroup);
        for (String duration : ChallengeProcess.DURATIONS) {
            variables.put(duration, bylaws.duration(duration));
        }
        variables.put(ChallengeProcess.MILESTONE_COUNT, (long) bylaws.milestonesPerPilot());
        // The definition as variables too, so the revise form (same field keys) opens pre-filled.
        variables.put("title", definition.title());
        variables.put("problem", definition.problem());
        variables.put("openDatasets", definition.openDatasets());
        variables.put("budgetCap", definition.budgetCap().longValue());
        variables.put("kpis", definition.kpis());
        variables.put("languages", definition.languages());
        variables.put("minTrl", (long) definition.minTrl());
        challenge.started(runtimeService.startProcessInstanceByKey(ChallengeProcess.KEY, challenge.id().toString(), variables)
                .getId());
        return challenge.id();
    }

    /** The challenge form's rules; the portal shows these messages next to the fields. */
    static void validate(Definition d, Bylaws bylaws) {
        if (d.title() == null || d.title().isBlank() || d.title().length() > 200) {
            throw new RuleViolationException("title", "challenge.error.title", "between 1 and 200 characters");
        }
        if (d.problem() == null || d.problem().isBlank() || d.problem().length() > 4000) {
            throw new RuleViolationException("problem", "challenge.error.problem", "between 1 and 4000 characters");
        }
        if (d.budgetCap() == null || d.budgetCap().signum() <= 0 || d.budgetCap().compareTo(bylaws.budgetPerPilot()) > 0) {
            throw new RuleViolationException("budgetCap", "challenge.error.budgetCap",
                    "more than 0 and at most the bylaws' cap of EUR " + bylaws.budgetPerPilot(), bylaws.budgetPerPilot());
        }
        if (d.minTrl() < 1 || d.minTrl() > 9) {
            throw new RuleViolationException("minTrl", "challenge.error.minTrl", "a technology readiness level from 1 to 9");
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<Extra> extrasOf(UUID challengeId) {
        return extras.findByChallengeIdOrderByPosition(challengeId).stream().map(ChallengeExtra::view).toList();
    }

    @Override
    public void changeExtras(UUID challengeId, List<Extra> cityFunds) {
        Challenge challenge = get(challengeId.toString());
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

    public void sendBack(String challengeId, String remarks) {
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

    public void revise(String challengeId, Definition definition) {
        Challenge challenge = get(challengeId);
        validate(definition, cycles.bylawsOf(challenge.cycleId()));
        challenge.resubmitted(definition);
    }

    public Instant publish(String challengeId, String callWindow) {
        Instant closes = clock.instant().plus(Bylaws.parseDuration(callWindow));
        get(challengeId).published(closes);
        return closes;
    }

    @Override
    public void closeCall(UUID challengeId) {
        get(challengeId.toString()).callClosed(clock.instant());
    }

    /** The challenge process moved on: contracting, pilot, evaluation, or how it ended. */
    public void enter(String challengeId, ChallengeStage stage) {
        get(challengeId).entered(stage);
    }

    private Challenge get(String challengeId) {
        return challenges.findById(UUID.fromString(challengeId))
                .orElseThrow(() -> new NoSuchElementException("No challenge " + challengeId));
    }
}
