package eu.smartcity.accelerator.selection.process;

import eu.smartcity.accelerator.workflow.EngineAuthentication;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.ChallengeStage;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.challenge.Challenges.ChallengeView;
import eu.smartcity.accelerator.cycle.Bylaws;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.selection.internal.QuotaOverride;
import eu.smartcity.accelerator.selection.internal.QuotaOverrides;
import eu.smartcity.accelerator.shared.RuleViolationException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * {@code quotas.pilotsPerCity} of the cycle's bylaws, checked when the coordinator approves a selection
 * (UserTask_ApproveSelection, on complete). That approval is the step that commits the programme to a pilot in
 * the city: the contract and the pilot follow from it. Checking only at signature would let a company and a
 * city negotiate a contract the bylaws then forbid, and would say no to them instead of to the coordinator.
 * <p>A challenge of the same city and cycle holds a place while its selection stands: contracting, piloting,
 * evaluating or evaluated. A contract not signed gives the place back. Replications (a city taking over another
 * city's evaluated pilot) are not a call's selection and do not count.
 * <p>Beyond the quota the approval is refused with a message naming the rule, unless the bylaws allow an
 * override ({@code quotas.overridable}) and the coordinator asks for one with a reason: then who, when and why
 * are recorded ({@code quota_override}) and shown with the ranking.
 */
@Component("pilotsPerCityQuota")
class PilotsPerCityQuota implements TaskListener {

    static final String RULE = "pilotsPerCity";
    private static final int MAX_REASON = 2000;
    private static final Set<ChallengeStage> SELECTION_STANDS =
            EnumSet.of(ChallengeStage.CONTRACTING, ChallengeStage.PILOT_RUNNING, ChallengeStage.EVALUATION, ChallengeStage.EVALUATED);

    private final Challenges challenges;
    private final Cycles cycles;
    private final QuotaOverrides overrides;
    private final EngineAuthentication engine;

    PilotsPerCityQuota(Challenges challenges, Cycles cycles, QuotaOverrides overrides, EngineAuthentication engine) {
        this.challenges = challenges;
        this.cycles = cycles;
        this.overrides = overrides;
        this.engine = engine;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!ChallengeProcess.SELECTION_DECISION.holds(task, ChallengeProcess.SelectionDecision.APPROVE)) {
            return; // re-opening the scoring commits to nothing
        }
        ChallengeView challenge = challenges.find(ChallengeProcess.CHALLENGE_ID.from(task))
                .orElseThrow();
        Bylaws bylaws = cycles.bylawsOf(challenge.cycleId());
        List<ChallengeView> held = challenges.ofCycle(challenge.cycleId()).stream()
                .filter(c -> !c.id().equals(challenge.id()) && c.cityGroup().equals(challenge.cityGroup()))
                .filter(c -> SELECTION_STANDS.contains(c.stage()))
                .toList();
        if (held.size() < bylaws.pilotsPerCity()) {
            return;
        }
        String cycleName = cycles.get(challenge.cycleId()).name();
        Object city = new DefaultMessageSourceResolvable(new String[] {"organisation." + challenge.cityGroup()},
                challenge.cityGroup());
        String titles = held.stream().map(ChallengeView::title).collect(Collectors.joining("; "));
        Object[] args = {cycleName, bylaws.pilotsPerCity(), city, held.size(), titles};
        String english = "the bylaws of cycle " + cycleName + " allow " + bylaws.pilotsPerCity() + " pilot(s) per city; "
                + challenge.cityGroup() + " already has " + held.size() + " (" + titles + ")";
        if (!ChallengeProcess.QUOTA_OVERRIDE.holds(task, ChallengeProcess.QuotaOverride.EXCEED)) {
            throw new RuleViolationException(ChallengeProcess.SELECTION_DECISION.name(),
                    bylaws.quotasOverridable() ? "selection.error.pilotsPerCity" : "selection.error.pilotsPerCityFixed",
                    english, args);
        }
        if (!bylaws.quotasOverridable()) {
            throw new RuleViolationException(ChallengeProcess.QUOTA_OVERRIDE.name(), "selection.error.pilotsPerCityFixed",
                    english + "; these bylaws allow no override", args);
        }
        String reason = ChallengeProcess.QUOTA_OVERRIDE_REASON.optionalFrom(task).map(String::strip).orElse("");
        if (reason.isEmpty()) {
            throw new RuleViolationException(ChallengeProcess.QUOTA_OVERRIDE_REASON.name(), "selection.error.quotaOverrideReason",
                    "give the reason for exceeding " + RULE, bylaws.pilotsPerCity());
        }
        if (reason.length() > MAX_REASON) {
            throw new RuleViolationException(ChallengeProcess.QUOTA_OVERRIDE_REASON.name(), "form.error.maxLength",
                    "at most " + MAX_REASON + " characters", MAX_REASON);
        }
        String who = task.getAssignee() != null ? task.getAssignee()
                : engine.currentUserId().orElse(null);
        if (who == null) {
            throw new RuleViolationException(ChallengeProcess.QUOTA_OVERRIDE.name(), "selection.error.quotaOverrideWho",
                    "an override records who made it: claim the task first");
        }
        overrides.save(new QuotaOverride(challenge.id(), challenge.cycleId(), challenge.cityGroup(), RULE,
                bylaws.pilotsPerCity(), held.size(), reason, who, Instant.now()));
    }
}
