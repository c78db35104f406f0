package eu.smartcity.accelerator.selection;

import eu.smartcity.accelerator.shared.RuleViolationException;
import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Bylaws;
import eu.smartcity.accelerator.workflow.Variable;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.scoring.ApplicantScoring;
import eu.smartcity.accelerator.scoring.CriterionScores;
import eu.smartcity.accelerator.scoring.ScoringWeights;
import eu.smartcity.accelerator.selection.internal.JuryScore;
import eu.smartcity.accelerator.selection.internal.JuryScores;
import eu.smartcity.accelerator.selection.internal.JurySeat;
import eu.smartcity.accelerator.selection.internal.JurySeats;
import eu.smartcity.accelerator.selection.internal.ScoreTasks;
import eu.smartcity.accelerator.selection.internal.ScoresKeptNow;
import eu.smartcity.accelerator.forms.TaskValuesKeeper;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * A juror's answers, kept in the selection's own records instead of process variables: the marks and
 * comment of each score task (one row per juror, application and round, so nothing carries over to the
 * next application or juror), and the conflict declaration with its reason and the applications it covered.
 * Only the declaration's outcome ({@code conflictDecision}) goes back to the process, which routes on it.
 *
 * <p>What the task is about is checked against the records, not taken from the task: the juror must hold
 * an assigned seat on the challenge, and the application must belong to that challenge.
 */
@Service
public class JuryMarking implements TaskValuesKeeper {

    private static final int MAX_COMMENT = 4000;

    private final RuntimeService runtime;
    private final Challenges challenges;
    private final Applications applications;
    private final Cycles cycles;
    private final JurySeats seats;
    private final JuryScores scores;
    private final ApplicantScoring scoring;
    private final ScoreTasks scoreTasks;
    private final Clock clock = Clock.systemUTC();
    /**
     * The cycle of each challenge scored here: a challenge never changes cycle (set when it is launched), so its row is
     * read for the first mark only, not for each of the jury's sixty (issue 19). Emptied should it ever hold many.
     */
    private final Map<UUID, UUID> cycleOf = new java.util.concurrent.ConcurrentHashMap<>();

    JuryMarking(RuntimeService runtime, Challenges challenges, Applications applications, Cycles cycles, JurySeats seats,
            JuryScores scores, ApplicantScoring scoring, ScoreTasks scoreTasks) {
        this.scoreTasks = scoreTasks;
        this.runtime = runtime;
        this.challenges = challenges;
        this.applications = applications;
        this.cycles = cycles;
        this.seats = seats;
        this.scores = scores;
        this.scoring = scoring;
    }

    @Override
    public boolean keeps(String taskDefinitionKey) {
        return ChallengeProcess.USER_TASK_SCORE_APPLICATION.equals(taskDefinitionKey)
                || ChallengeProcess.USER_TASK_DECLARE_CONFLICT.equals(taskDefinitionKey);
    }

    @Override
    public Map<String, Object> keep(Task task, String userId, Map<String, Object> values) {
        if (!userId.equals(task.getAssignee())) {
            throw new IllegalStateException(userId + " is not the jury member of task " + task.getId());
        }
        boolean scoring = ChallengeProcess.USER_TASK_SCORE_APPLICATION.equals(task.getTaskDefinitionKey());
        if (scoring) {
            // the score task's row (ScoreTasks, written when the seat's tasks opened) has its application, challenge and
            // round, read with the seat check in one query and no variable (issue 19, slice scoretask); the app wrote it
            // from the challenge's eligible applications, so there is no foreign application to refuse
            Optional<ScoreTasks.ForJuror> row = scoreTasks.findForJuror(task.getExecutionId(), userId);
            if (row.isPresent()) {
                ScoreTasks.ScoreTask scored = row.get().task();
                if (!row.get().seated()) {
                    throw new IllegalStateException(userId + " holds no seat on challenge " + scored.challengeId());
                }
                return score(task, scored.challengeId(), scored.applicationId(), scored.round(), userId, values);
            }
        }
        // a score task opened before those rows, and the declaration: the process's variables
        Map<String, Object> variables = variables(task, scoring);
        UUID challengeId = ChallengeProcess.CHALLENGE_ID.from(variables);
        JurySeat seat = seats.findByChallengeIdOrderBySeatNo(challengeId).stream()
                .filter(s -> s.member().equals(userId) && s.status().equals(JurySeat.ASSIGNED)).findFirst()
                .orElseThrow(() -> new IllegalStateException(userId + " holds no seat on challenge " + challengeId));
        if (ChallengeProcess.USER_TASK_DECLARE_CONFLICT.equals(task.getTaskDefinitionKey())) {
            return declare(task, seat, values);
        }
        UUID applicationId = ChallengeProcess.APPLICATION_ID.from(variables);
        if (!applications.find(applicationId).map(a -> a.challengeId().equals(challengeId)).orElse(false)) {
            throw new IllegalStateException("application " + applicationId + " is not an application to challenge " + challengeId);
        }
        return score(task, challengeId, applicationId, ChallengeProcess.JURY_ROUND.from(variables).intValue(), userId, values);
    }

    /**
     * The task's variables with as few engine reads as possible (issue 19): {@code challengeId} and {@code juryRound}
     * live on the challenge's process instance, {@code applicationId} (the multi-instance element) on the task's own
     * execution, so the three are read in one variable query on those two executions (a single statement; a
     * {@code getVariable} per name is a command walking the five scopes between the task and the process instance
     * with a query per scope, and even a local read loads the execution and its process definition first). Should a
     * model ever keep one elsewhere, the walk is the fallback.
     */
    private Map<String, Object> variables(Task task, boolean scoring) {
        List<String> names = scoring
                ? List.of(ChallengeProcess.CHALLENGE_ID.name(), ChallengeProcess.APPLICATION_ID.name(), ChallengeProcess.JURY_ROUND.name())
                : List.of(ChallengeProcess.CHALLENGE_ID.name());
        Map<String, String> scopeOf = new java.util.HashMap<>();
        scopeOf.put(ChallengeProcess.CHALLENGE_ID.name(), task.getProcessInstanceId());
        scopeOf.put(ChallengeProcess.JURY_ROUND.name(), task.getProcessInstanceId());
        scopeOf.put(ChallengeProcess.APPLICATION_ID.name(), task.getExecutionId());
        Map<String, Object> found = new java.util.HashMap<>();
        for (VariableInstance variable : runtime.createVariableInstanceQuery().variableNameIn(names.toArray(String[]::new))
                .executionIdIn(task.getProcessInstanceId(), task.getExecutionId()).list()) {
            // local to the scope the model keeps it in; a task's own variables are not the execution's
            if (variable.getTaskId() == null && variable.getExecutionId().equals(scopeOf.get(variable.getName()))) {
                found.put(variable.getName(), variable.getValue());
            }
        }
        return found.keySet().containsAll(names) ? found : runtime.getVariables(task.getExecutionId(), names);
    }

    /** The applications a declaration covers: those the member would score now. */
    private List<Applications.ApplicationView> applicationsToDeclareOn(UUID challengeId) {
        return applications.eligibleFor(challengeId);
    }

    private Map<String, Object> declare(Task task, JurySeat seat, Map<String, Object> values) {
        Object decision = values.get(ChallengeProcess.CONFLICT_DECISION.name());
        boolean conflict = ChallengeProcess.ConflictDecision.CONFLICT.wire().equals(decision);
        Object reason = values.get(ChallengeProcess.CONFLICT_REASON.name());
        String text = reason == null ? "" : reason.toString().strip();
        if (conflict && text.isEmpty()) {
            throw new RuleViolationException(ChallengeProcess.CONFLICT_REASON.name(), "jury.error.conflictReason",
                    "name the applicant and the reason for the conflict");
        }
        List<UUID> covered = applicationsToDeclareOn(seat.challengeId()).stream().map(Applications.ApplicationView::id).toList();
        seat.declare(conflict, text, covered, clock.instant());
        seats.save(seat);
        // the outcome routes the seat (DecisionRules checks it is one of the form's); the reason stays here
        return decision == null ? Map.of() : Map.of(ChallengeProcess.CONFLICT_DECISION.name(), routing(task, decision));
    }

    /**
     * The outcome only for the gateway right after the task, in this transaction: transient, so it is never inserted,
     * updated, deleted or written to history (the declaration, with who and when, is the seat's row). Stored as before
     * where the instance already keeps one — an instance of an older model (a seat-local variable from the seat's input
     * mapping) or a value set through the engine's API — since Camunda refuses a transient value over a stored one.
     */
    private Object routing(Task task, Object decision) {
        boolean stored = runtime.createVariableInstanceQuery().processInstanceIdIn(task.getProcessInstanceId())
                .variableName(ChallengeProcess.CONFLICT_DECISION.name()).count() > 0;
        return stored ? decision : Variables.stringValue(decision.toString(), true);
    }

    private Map<String, Object> score(Task task, UUID challengeId, UUID applicationId, int round, String juror, Map<String, Object> values) {
        Map<String, Integer> criteria = new LinkedHashMap<>();
        for (Variable<Long> mark : ChallengeProcess.CRITERIA) {
            String criterion = mark.name();
            Object value = values.get(criterion);
            if (!(value instanceof Number n) || n.doubleValue() < ApplicantScoring.MIN_SCORE || n.doubleValue() > ApplicantScoring.MAX_SCORE
                    || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new RuleViolationException(criterion, "jury.error.score", "a whole score from 0 to 10", 0, 10);
            }
            criteria.put(criterion, n.intValue());
        }
        Object given = values.get(ChallengeProcess.SCORE_COMMENT.name());
        String comment = given == null || given.toString().isBlank() ? null : given.toString().strip();
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new RuleViolationException(ChallengeProcess.SCORE_COMMENT.name(), "jury.error.comment", "at most " + MAX_COMMENT + " characters",
                    MAX_COMMENT);
        }
        if (cycleOf.size() > 10_000) {
            cycleOf.clear();
        }
        UUID cycleId = cycleOf.computeIfAbsent(challengeId, id -> challenges.find(id).orElseThrow().cycleId());
        Map<String, Double> w = cycles.bylawsOf(cycleId).scoringWeights();
        eu.smartcity.accelerator.scoring.JuryScore weighed = scoring.score(applicationId.toString(), juror,
                CriterionScores.of(criteria),
                new ScoringWeights(cycleId.toString(), 100 * w.get(Bylaws.FIT), 100 * w.get(Bylaws.INNOVATION), 100 * w.get(Bylaws.TEAM),
                        100 * w.get(Bylaws.PRICE), 100 * w.get(Bylaws.REPLICABILITY), 100 * w.get(Bylaws.OPEN_DATA_USE)),
                task.getProcessInstanceId());
        scores.save(new JuryScore(challengeId, applicationId, juror, round, criteria, weighed.weightedScore(),
                weighed.decisionVersion(), clock.instant(), comment));
        ScoresKeptNow.kept(task.getId(), juror);
        return Map.of();
    }
}
