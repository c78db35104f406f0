package eu.smartcity.accelerator.worklist;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.challenge.Challenges.ChallengeView;
import eu.smartcity.accelerator.cycle.Bylaws;
import eu.smartcity.accelerator.cycle.CycleProcess;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.identity.CurrentUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Approving or revising a challenge: the city's definition (problem, expected results and KPIs, open
 * datasets), its budget cap against the bylaws' cap per pilot, its minimum TRL against the bylaws', the
 * call window the bylaws give, and the coordinator's remarks. Closing a cycle: the cycle's challenges and where each stands.
 */
@Component
class ChallengeSubjects implements SubjectView {

    private final SubjectRecords records;
    private final Cycles cycles;
    private final Challenges challenges;

    ChallengeSubjects(SubjectRecords records, Cycles cycles, Challenges challenges) {
        this.records = records;
        this.cycles = cycles;
        this.challenges = challenges;
    }

    static final String CLOSE_CYCLE = CycleProcess.USER_TASK_CLOSE_CYCLE;

    @Override
    public Set<String> taskKeys() {
        return Set.of(ChallengeProcess.USER_TASK_APPROVE_CHALLENGE, ChallengeProcess.USER_TASK_REVISE_CHALLENGE, CLOSE_CYCLE);
    }

    @Override
    public Optional<TaskSubject> read(TaskIds ids, CurrentUser user) {
        if (CLOSE_CYCLE.equals(ids.taskDefinitionKey())) {
            SubjectRecords.requireCoordinator(user);
            return cycle(ids).map(cycle -> {
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("cycle", cycle);
                facts.put("challenges", challenges.ofCycle(cycle.id()));
                return new TaskSubject("cycle", cycleContext(cycle), facts);
            });
        }
        return records.challenge(ids.uuid(ChallengeProcess.CHALLENGE_ID)).map(challenge -> {
            SubjectRecords.requireOwner(user, challenge.cityGroup());
            Map<String, Object> facts = facts(challenge);
            // the city revising its challenge may change what it funds beside the pilot (its own page)
            facts.put("extrasEditable", ChallengeProcess.USER_TASK_REVISE_CHALLENGE.equals(ids.taskDefinitionKey()));
            return new TaskSubject("challenge", records.context(challenge, null), facts);
        });
    }

    @Override
    public Optional<TaskSubject.Context> context(TaskIds ids) {
        if (CLOSE_CYCLE.equals(ids.taskDefinitionKey())) {
            return cycle(ids).map(ChallengeSubjects::cycleContext);
        }
        return records.challenge(ids.uuid(ChallengeProcess.CHALLENGE_ID)).map(c -> records.context(c, null));
    }

    private Map<String, Object> facts(ChallengeView challenge) {
        Bylaws bylaws = cycles.bylawsOf(challenge.cycleId());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("challenge", challenge);
        facts.put("bylaws", bylaws);
        facts.put("overCap", challenge.budgetCap() != null && challenge.budgetCap().compareTo(bylaws.budgetPerPilot()) > 0);
        facts.put("belowMinTrl", challenge.minTrl() < bylaws.minTrl());
        facts.put("callWindowDays", Bylaws.parseDuration(bylaws.duration("callWindow")).toDays());
        // the bounds the approval task's dates must keep to (the city's proposal pre-fills them)
        facts.put("callWindowMinDays", bylaws.callWindowMin().toDays());
        facts.put("callWindowMaxDays", bylaws.callWindowMax().toDays());
        // before approval: the dates the city proposed (null: the default, opening on approval / the bylaws' window)
        Challenges.CallWindow proposed = challenges.proposedWindow(challenge.id());
        facts.put("proposedOpensAt", proposed.opensAt());
        facts.put("proposedClosesAt", proposed.closesAt());
        facts.put("datasets", lines(challenge.openDatasets()));
        facts.put(ChallengeProcess.KPIS.name(), lines(challenge.kpis()));
        facts.put(ChallengeProcess.REMARKS.name(), challenges.remarksOf(challenge.id()));
        List<Challenges.Extra> extras = challenges.extrasOf(challenge.id());
        facts.put("extras", extras);
        facts.put("extrasTotal", extras.stream().map(Challenges.Extra::amount).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
        return facts;
    }

    private Optional<Cycles.CycleView> cycle(TaskIds ids) {
        Optional<UUID> id = ids.uuid(ChallengeProcess.CYCLE_ID);
        return id.flatMap(cycleId -> cycles.all().stream().filter(c -> c.id().equals(cycleId)).findFirst());
    }

    private static TaskSubject.Context cycleContext(Cycles.CycleView cycle) {
        return new TaskSubject.Context(null, cycle.name(), null, null, "/bylaws/" + cycle.bylawsVersion());
    }

    /** A city writes KPIs and datasets one per line (or separated by semicolons); shown as a list. */
    static List<String> lines(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split("[\\r\\n;]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
