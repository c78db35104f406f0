package eu.smartcity.accelerator.scoring;

import static eu.smartcity.accelerator.scoring.DecisionCases.AUTUMN;
import static eu.smartcity.accelerator.scoring.DecisionCases.SPRING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import eu.smartcity.accelerator.scoring.DecisionCases.Case;
import eu.smartcity.accelerator.scoring.RankedApplication.TieBreak;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.workflow.DecisionInputException;
import eu.smartcity.accelerator.workflow.DecisionRecords;
import eu.smartcity.accelerator.workflow.DecisionResult;
import eu.smartcity.accelerator.workflow.DecisionService;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The {@code applicant-scoring} table, the ApplicantScoring service and the ranking's tie-break rule. */
@AcceleratorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicantScoringDecisionTest {

    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @Autowired DecisionService decisions;
    @Autowired ApplicantScoring scoring;
    @Autowired DecisionRecords records;

    final Set<String> matchedRules = new HashSet<>();

    static List<Case> cases() {
        return DecisionCases.applicantScoring();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void weighsTheScoresWithTheCyclesWeights(Case c) {
        DecisionResult result = decisions.evaluate(Decisions.APPLICANT_SCORING, c.inputs());

        assertThat(((Number) result.singleOutput().get("weightedScore")).doubleValue())
                .isCloseTo((Double) c.expected().get(0), within(1e-9));
        result.matchedRules().forEach(rule -> matchedRules.add(rule.ruleId()));
    }

    @AfterAll
    void everyRuleMatchedAtLeastOnce() {
        assertThat(matchedRules).containsExactlyInAnyOrderElementsOf(DecisionCases.ruleIds(Decisions.APPLICANT_SCORING));
    }

    @Test
    void aSecondCycleScoresTheSameApplicationDifferently() {
        CriterionScores scores = CriterionScores.of(9, 7, 6, 4, 8, 5);

        JuryScore spring = scoring.score("app-" + UUID.randomUUID(), "jury-an", scores, SPRING, null);
        JuryScore autumn = scoring.score("app-" + UUID.randomUUID(), "jury-an", scores, AUTUMN, null);

        assertThat(spring.weightedScore()).isCloseTo(6.9, within(1e-9));
        assertThat(autumn.weightedScore()).isCloseTo(6.0, within(1e-9));
    }

    @Test
    void aBatchOfSheetsIsScoredAndRecordedInOneTransactionAllOrNothing() {
        String a = "app-" + UUID.randomUUID();
        String b = "app-" + UUID.randomUUID();
        List<JuryScore> scored = scoring.scoreAll(SPRING, List.of(
                new ApplicantScoring.ScoreSheet(a, "jury-an", CriterionScores.of(9, 7, 6, 4, 8, 5), "process-8"),
                new ApplicantScoring.ScoreSheet(b, "jury-an", CriterionScores.of(5, 5, 5, 5, 5, 5), "process-9")));
        assertThat(scored).extracting(JuryScore::applicationId).containsExactly(a, b);
        assertThat(scored.get(0).weightedScore()).isCloseTo(6.9, within(1e-9));
        assertThat(records.forSubject(Decisions.SUBJECT_APPLICATION, a)).singleElement()
                .satisfies(r -> assertThat(r.processInstanceId()).isEqualTo("process-8"));
        assertThat(records.forSubject(Decisions.SUBJECT_APPLICATION, b)).hasSize(1);

        String c = "app-" + UUID.randomUUID();
        long before = records.count();
        assertThatThrownBy(() -> scoring.scoreAll(SPRING, List.of(
                new ApplicantScoring.ScoreSheet(c, "jury-an", CriterionScores.of(9, 7, 6, 4, 8, 5), null),
                new ApplicantScoring.ScoreSheet(c, "jury-ben", CriterionScores.of(11, 7, 6, 4, 8, 5), null))))
                .isInstanceOf(DecisionInputException.class);
        assertThat(records.count()).isEqualTo(before);
        assertThat(records.forSubject(Decisions.SUBJECT_APPLICATION, c)).isEmpty();
    }

    @Test
    void everyJuryScoreIsRecordedUnderTheApplicationWithTheJuryMember() {
        String applicationId = "app-" + UUID.randomUUID();
        scoring.score(applicationId, "jury-an", CriterionScores.of(9, 7, 6, 4, 8, 5), SPRING, "process-7");
        scoring.score(applicationId, "jury-ben", CriterionScores.of(5, 5, 5, 5, 5, 5), SPRING, "process-7");

        assertThat(records.forSubject(Decisions.SUBJECT_APPLICATION, applicationId))
                .extracting(r -> r.decisionKey() + "/" + r.actor() + "/" + r.processInstanceId())
                .containsExactly("applicant-scoring/jury-an/process-7", "applicant-scoring/jury-ben/process-7");
        assertThat(records.forSubject(Decisions.SUBJECT_APPLICATION, applicationId).get(0).inputsJson())
                .contains("\"fit\":9.0", "\"weightFit\":30.0");
    }

    @Test
    void aScoreAboveTenIsNamedAndNothingIsRecorded() {
        long before = records.count();
        assertThatThrownBy(() -> scoring.score("app-x", "jury-an", CriterionScores.of(9, 11, 6, 4, 8, 5), SPRING, null))
                .isInstanceOf(DecisionInputException.class)
                .hasMessage("Decision 'applicant-scoring': input 'innovation' must be between 0 and 10 but was 11.0");
        assertThatThrownBy(() -> scoring.score("app-x", "jury-an", CriterionScores.of(9, 7, 6, -0.5, 8, 5), SPRING, null))
                .isInstanceOf(DecisionInputException.class).hasMessageContaining("'price' must be between 0 and 10");
        assertThat(records.count()).isEqualTo(before);
    }

    @Test
    void aMissingScoreIsNamedAndNothingIsRecorded() {
        long before = records.count();
        assertThatThrownBy(() -> scoring.score("app-x", "jury-an", new CriterionScores(9.0, 7.0, null, 4.0, 8.0, 5.0), SPRING, null))
                .isInstanceOf(DecisionInputException.class).hasMessageContaining("'team' is missing");
        assertThat(records.count()).isEqualTo(before);
    }

    @Test
    void weightsThatDoNotAddUpToHundredAreRefused() {
        long before = records.count();
        ScoringWeights broken = new ScoringWeights("broken", 30, 20, 15, 15, 10, 0);
        assertThatThrownBy(() -> scoring.score("app-x", "jury-an", CriterionScores.of(9, 7, 6, 4, 8, 5), broken, null))
                .isInstanceOf(DecisionInputException.class)
                .hasMessage("Decision 'applicant-scoring': input 'weights' of cycle broken must add up to 100 but add up to 90.0");
        ScoringWeights negative = new ScoringWeights("negative", 50, 20, 15, 15, 10, -10);
        assertThatThrownBy(() -> scoring.score("app-x", "jury-an", CriterionScores.of(9, 7, 6, 4, 8, 5), negative, null))
                .isInstanceOf(DecisionInputException.class).hasMessageContaining("'weightOpenDataUse'");
        assertThat(records.count()).isEqualTo(before);
    }

    // ------------------------------------------------------------------ ranking and tie-break

    static JuryScore jury(String applicationId, String member, double weighted, double fit, double innovation) {
        return new JuryScore(applicationId, member, CriterionScores.of(fit, innovation, 5, 5, 5, 5), weighted, 1);
    }

    @Test
    void ranksByTheAverageOfTheJurysWeightedScores() {
        List<RankedApplication> ranking = scoring.rank(List.of(
                jury("a", "jury-an", 6.0, 5, 5), jury("a", "jury-ben", 8.0, 5, 5),   // 7.0
                jury("b", "jury-an", 9.0, 5, 5), jury("b", "jury-ben", 6.0, 5, 5),   // 7.5
                jury("c", "jury-an", 4.0, 5, 5)),                                    // 4.0
                Map.of("a", T0, "b", T0, "c", T0));

        assertThat(ranking).extracting(RankedApplication::applicationId).containsExactly("b", "a", "c");
        assertThat(ranking).extracting(RankedApplication::position).containsExactly(1, 2, 3);
        assertThat(ranking).extracting(RankedApplication::averageScore).containsExactly(7.5, 7.0, 4.0);
        assertThat(ranking).extracting(RankedApplication::decidedBy).containsOnlyNulls();
        assertThat(ranking.get(0).juryScores()).hasSize(2);
    }

    @Test
    void aTieIsBrokenByFitThenInnovationThenEarlierSubmissionThenId() {
        List<RankedApplication> ranking = scoring.rank(List.of(
                jury("low-fit", "jury-an", 7.0, 6, 9),
                jury("high-fit", "jury-an", 7.0, 8, 1),
                jury("late", "jury-an", 7.0, 6, 5),
                jury("more-innovative", "jury-an", 7.0, 6, 7),
                jury("early-b", "jury-an", 7.0, 6, 5),
                jury("early-a", "jury-an", 7.0, 6, 5),
                // differs only by floating-point noise: compared at 3 decimals, it ties
                jury("noise", "jury-an", 7.0000000001, 1, 1)),
                Map.of("low-fit", T0, "high-fit", T0, "more-innovative", T0, "late", T0.plusSeconds(60),
                        "early-a", T0, "early-b", T0, "noise", T0));

        assertThat(ranking).extracting(RankedApplication::applicationId)
                .containsExactly("high-fit", "low-fit", "more-innovative", "early-a", "early-b", "late", "noise");
        assertThat(ranking).extracting(RankedApplication::decidedBy).containsExactly(
                null, TieBreak.FIT, TieBreak.INNOVATION, TieBreak.INNOVATION, TieBreak.APPLICATION_ID,
                TieBreak.EARLIER_SUBMISSION, TieBreak.FIT);
    }

    @Test
    void rankingNeedsEverySubmissionTime() {
        assertThatThrownBy(() -> scoring.rank(List.of(jury("a", "jury-an", 7, 5, 5)), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("application a");
    }
}
