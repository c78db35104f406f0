package eu.smartcity.accelerator.evaluation.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smartcity.accelerator.evaluation.EvaluationProcess;
import eu.smartcity.accelerator.shared.RuleViolationException;
import eu.smartcity.accelerator.support.FakeScopes;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The publishing step on its own (no Spring, no engine): the verdict is checked before anything is written. */
class PublishEvaluationTest {

    /** No repository and no event publisher: a step that validated after writing would fail differently. */
    final PublishEvaluation step = new PublishEvaluation(null, null);

    @Test
    void anUnknownVerdictIsAnIncidentNamingItBeforeAnythingIsPublished() {
        assertThatThrownBy(() -> step.execute(FakeScopes.execution(Map.of(EvaluationProcess.VERDICT.name(), "maybe"), "e-1")))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("verdict: one of [scale-up, replicate, stop], was 'maybe'");
        assertThatThrownBy(() -> step.execute(FakeScopes.execution(Map.of(), "e-1")))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("was 'null'");
    }

    @Test
    void theVerdictsAreTheWireNamesTheModelComparesWith() {
        assertThat(PublishEvaluation.VERDICTS).containsExactly("scale-up", "replicate", "stop");
    }
}
