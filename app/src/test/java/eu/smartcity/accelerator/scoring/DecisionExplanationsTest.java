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

    @Test
    void theApplicantSeesNothingBeforeTheResultsAreFinal() {
        assertThatThrownBy(() -> explanations.explanationFor(applicationId, Viewer.APPLICANT, false))
                .isInstanceOf(ResultsNotFinalException.class).hasMessageContaining(applicationId);
    }

    @Test
    void theApplicantSeesEveryRecordOnceFinalWithTheJuryPseudonymised() {
        List<DecisionRecord> shown = explanations.explanationFor(applicationId, Viewer.APPLICANT, true);

        assertThat(shown).extracting(DecisionRecord::decisionKey)
                .containsExactly("eligibility", "applicant-scoring", "applicant-scoring");
        assertThat(shown).extracting(DecisionRecord::actor).containsExactly(null, "jury member 1", "jury member 2");
        assertThat(shown.get(1).matchedRulesJson()).contains("Rule_WeightedSum");
        assertThat(shown.get(1).outputsJson()).contains("weightedScore");
        assertThat(shown).allSatisfy(r -> assertThat(r.decisionVersion()).isPositive());
    }

    @Test
    void juryAndCoordinatorSeeTheSameRecordAtAnyTime() {
        List<DecisionRecord> jury = explanations.explanationFor(applicationId, Viewer.JURY_MEMBER, false);
        List<DecisionRecord> coordinator = explanations.explanationFor(applicationId, Viewer.COORDINATOR, false);

        assertThat(jury).isEqualTo(coordinator).hasSize(3);
        assertThat(jury).extracting(DecisionRecord::actor).containsExactly(null, "jury-an", "jury-ben");
        assertThat(jury).extracting(DecisionRecord::processInstanceId).containsOnly("process-1");
    }
}
