package eu.smartcity.accelerator.scoring;

import eu.smartcity.accelerator.workflow.DecisionAudit;
import eu.smartcity.accelerator.workflow.DecisionEvaluationException;
import eu.smartcity.accelerator.workflow.DecisionInputException;
import eu.smartcity.accelerator.workflow.DecisionResult;
import eu.smartcity.accelerator.workflow.DecisionService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Weighs one jury member's criterion scores with the cycle's weights ({@code applicant-scoring}
 * table, every evaluation recorded under the application with the jury member as actor), and
 * aggregates the jury's scores into a ranking.
 *
 * <h2>Ranking and its tie-break rule</h2>
 * Applications are ordered by:
 * <ol>
 *   <li>the higher <b>average weighted score</b> over the jury members who scored it, rounded to
 *       3 decimals (so floating-point noise never decides);</li>
 *   <li>on a tie, the higher average <b>fit</b> score (fit to the city's challenge);</li>
 *   <li>then the higher average <b>innovation</b> score;</li>
 *   <li>then the <b>earlier submission</b> (the time the application was submitted);</li>
 *   <li>then, only to keep the order deterministic, the application id (alphabetical). When this
 *       last step decides, {@link RankedApplication#decidedBy()} says so and the coordinator
 *       decides when approving the selection.</li>
 * </ol>
 * Each line of the ranking says which step put it below the line above.
 */
@Service
public class ApplicantScoring {

    /** Scores are on a 0–10 scale. */
    public static final double MIN_SCORE = 0;
    public static final double MAX_SCORE = 10;

    private final DecisionService decisions;

    ApplicantScoring(DecisionService decisions) {
        this.decisions = decisions;
    }

    /**
     * Weighs one jury member's scores and records the evaluation.
     *
     * @throws DecisionInputException naming the score or weight that is missing, out of range, or
     *         when the weights do not add up to 100; nothing is recorded then
     */
    @Transactional
    public JuryScore score(String applicationId, String juryMember, CriterionScores scores, ScoringWeights weights,
            String processInstanceId) {
        Map<String, Object> inputs = inputs(scores, weights);
        DecisionResult result = decisions.evaluateAndRecord(Decisions.APPLICANT_SCORING, inputs,
                new DecisionAudit(Decisions.SUBJECT_APPLICATION, applicationId, processInstanceId, juryMember));
        Object weighted = result.singleOutput().get("weightedScore");
        if (!(weighted instanceof Number number)) {
            throw new DecisionEvaluationException("Decision '" + Decisions.APPLICANT_SCORING + "' v"
                    + result.decisionVersion() + " gave no weightedScore for " + inputs);
        }
        return new JuryScore(applicationId, juryMember, scores, number.doubleValue(), result.decisionVersion());
    }

    /** One jury member's scores for one application, for {@link #scoreAll}. */
    public record ScoreSheet(String applicationId, String juryMember, CriterionScores scores, String processInstanceId) {}

    /**
     * Weighs many score sheets under the same weights in one transaction (a re-scoring after the weights were
     * corrected, an imported jury sheet): every evaluation is recorded as {@link #score} records it, and the records
     * are written together at the commit in JDBC batches instead of one commit each. All or nothing: one invalid
     * sheet rolls back every record.
     */
    @Transactional
    public List<JuryScore> scoreAll(ScoringWeights weights, List<ScoreSheet> sheets) {
        List<JuryScore> scored = new ArrayList<>(sheets.size());
        for (ScoreSheet sheet : sheets) {
            scored.add(score(sheet.applicationId(), sheet.juryMember(), sheet.scores(), weights, sheet.processInstanceId()));
        }
        return scored;
    }

    /** The decision inputs, checked: every score 0–10, every weight ≥ 0, weights adding up to 100. */
    static Map<String, Object> inputs(CriterionScores scores, ScoringWeights weights) {
        Map<String, Object> inputs = new LinkedHashMap<>(scores.toInputs());
        inputs.forEach((name, value) -> {
            if (value instanceof Number n && (n.doubleValue() < MIN_SCORE || n.doubleValue() > MAX_SCORE)) {
                throw new DecisionInputException(Decisions.APPLICANT_SCORING, name,
                        "must be between 0 and 10 but was " + value);
            }
        });
        Map<String, Object> weightInputs = weights.toInputs();
        weightInputs.forEach((name, value) -> {
            double w = ((Number) value).doubleValue();
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new DecisionInputException(Decisions.APPLICANT_SCORING, name,
                        "must be a percentage of at least 0 but was " + value + " (cycle " + weights.cycleId() + ")");
            }
        });
        if (Math.abs(weights.total() - 100) > 1e-9) {
            throw new DecisionInputException(Decisions.APPLICANT_SCORING, "weights",
                    "of cycle " + weights.cycleId() + " must add up to 100 but add up to " + weights.total());
        }
        inputs.putAll(weightInputs);
        return inputs;
    }

    /**
     * Aggregates the jury's scores into a ranking (see the class comment for the order and tie-break).
     *
     * @param submittedAt when each application was submitted; every ranked application needs one
     */
    public List<RankedApplication> rank(List<JuryScore> juryScores, Map<String, Instant> submittedAt) {
        Map<String, List<JuryScore>> byApplication = new LinkedHashMap<>();
        for (JuryScore score : juryScores) {
            byApplication.computeIfAbsent(score.applicationId(), id -> new ArrayList<>()).add(score);
        }
        List<Line> lines = new ArrayList<>();
        byApplication.forEach((applicationId, scores) -> {
            Instant submitted = submittedAt.get(applicationId);
            if (submitted == null) {
                throw new IllegalArgumentException("No submission time for application " + applicationId
                        + ": the tie-break needs it");
            }
            lines.add(new Line(applicationId, round(scores.stream().mapToDouble(JuryScore::weightedScore).average().orElseThrow()),
                    round(scores.stream().mapToDouble(s -> s.scores().fit()).average().orElseThrow()),
                    round(scores.stream().mapToDouble(s -> s.scores().innovation()).average().orElseThrow()),
                    submitted, List.copyOf(scores)));
        });
        lines.sort(ORDER);

        List<RankedApplication> ranking = new ArrayList<>();
        Line previous = null;
        for (Line line : lines) {
            RankedApplication.TieBreak decidedBy = previous == null ? null : decidedBy(previous, line);
            ranking.add(new RankedApplication(ranking.size() + 1, line.applicationId, line.average, line.fit,
                    line.innovation, line.submittedAt, line.scores, decidedBy));
            previous = line;
        }
        return ranking;
    }

    private record Line(String applicationId, double average, double fit, double innovation, Instant submittedAt,
            List<JuryScore> scores) {}

    private static final Comparator<Line> ORDER = Comparator.comparingDouble((Line l) -> l.average).reversed()
            .thenComparing(Comparator.comparingDouble((Line l) -> l.fit).reversed())
            .thenComparing(Comparator.comparingDouble((Line l) -> l.innovation).reversed())
            .thenComparing(l -> l.submittedAt)
            .thenComparing(l -> l.applicationId);

    private static RankedApplication.TieBreak decidedBy(Line above, Line line) {
        if (above.average != line.average) {
            return null;
        }
        if (above.fit != line.fit) {
            return RankedApplication.TieBreak.FIT;
        }
        if (above.innovation != line.innovation) {
            return RankedApplication.TieBreak.INNOVATION;
        }
        if (!above.submittedAt.equals(line.submittedAt)) {
            return RankedApplication.TieBreak.EARLIER_SUBMISSION;
        }
        return RankedApplication.TieBreak.APPLICATION_ID;
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }
}
