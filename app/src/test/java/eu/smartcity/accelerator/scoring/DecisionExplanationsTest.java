package eu.smartcity.accelerator.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.workflow.DecisionRecord;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who sees the decision records of an application, and when. */
@AcceleratorTest
class DecisionExplanationsTest {

    @Autowired EligibilityCheck eligibilityCheck;
    @Autowired ApplicantScoring scoring;
    @Autowired DecisionExplanations explanations;

    String applicationId;

    @BeforeEach
    void anApplicationCheckedAndScoredByTwoJuryMembers() {
        applicationId = "app-" + UUID.randomUUID();
        eligibilityCheck.check(applicationId, new EligibilityFacts(true, "BE", true, 12, new BigDecimal("50000"),
                new BigDecimal("60000"), 7, 6, true, true, true, true), "process-1");
        scoring.score(applicationId, "jury-an", CriterionScores.of(9, 7, 6, 4, 8, 5), DecisionCases.SPRING, "process-1");
        scoring.score(applicationId, "jury-ben", CriterionScores.of(6, 6, 6, 6, 6, 6), DecisionCases.SPRING, "process-1");
    }

    /**
     * Whether results are final is the caller's to say, from the application's status; that gate is tested where it is
     * decided, through the engine: ExplanationPagesTest#theScorePerCriterionAndTheRankAppearOnlyOnceTheResultsAreFinalAndOnlyForTheApplicant.
     */
    @Test
    void theApplicantIsRefusedWhenTheCallerSaysTheResultsAreNotFinal() {
        assertThatThrownBy(() -> explanations.explanationFor(applicationId, Viewer.applicant(), false))
                .isInstanceOf(ResultsNotFinalException.class).hasMessageContaining(applicationId);
    }

    @Test
    void theApplicantSeesEveryRecordOnceFinalWithTheJuryPseudonymised() {
        List<DecisionRecord> shown = explanations.explanationFor(applicationId, Viewer.applicant(), true);

        assertThat(shown).extracting(DecisionRecord::decisionKey)
                .containsExactly("eligibility", "applicant-scoring", "applicant-scoring");
        assertThat(shown).extracting(DecisionRecord::actor).containsExactly(null, "jury member 1", "jury member 2");
        assertThat(shown.get(1).matchedRulesJson()).contains("Rule_Fit", "Rule_OpenDataUse");
        assertThat(shown.get(1).outputsJson()).contains("weightedScore");
        assertThat(shown).allSatisfy(r -> assertThat(r.decisionVersion()).isPositive());
    }

    @Test
    void aJuryMemberSeesOnlyTheirOwnMarks() {
        List<DecisionRecord> an = explanations.explanationFor(applicationId, Viewer.juryMember("jury-an"), false);
        List<DecisionRecord> ben = explanations.explanationFor(applicationId, Viewer.juryMember("jury-ben"), true);

        assertThat(an).extracting(DecisionRecord::actor).containsExactly(null, "jury-an");
        assertThat(ben).extracting(DecisionRecord::actor).containsExactly(null, "jury-ben");
        assertThat(an.get(1).inputsJson()).contains("\"fit\":9");
        assertThat(ben).noneMatch(r -> r.inputsJson().contains("\"fit\":9"));
    }

    @Test
    void theCoordinatorSeesTheMarksOnlyOnceTheRankingIsComputed() {
        List<DecisionRecord> before = explanations.explanationFor(applicationId, Viewer.coordinator(), false);
        List<DecisionRecord> after = explanations.explanationFor(applicationId, Viewer.coordinator(), true);

        assertThat(before).extracting(DecisionRecord::decisionKey).containsExactly("eligibility");
        assertThat(after).extracting(DecisionRecord::actor).containsExactly(null, "jury-an", "jury-ben");
        assertThat(after).extracting(DecisionRecord::processInstanceId).containsOnly("process-1");
    }
}
