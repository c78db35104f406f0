package eu.smartcity.accelerator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smartcity.accelerator.support.FakeScopes;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reads a step uses beside {@code from}: required from a map, checked in the step's words, and "holds". */
class VariableTest {

    /** Names no process uses, so that no contract claims them. */
    enum Light { GREEN, AMBER_RED }

    static final Variable<Light> LIGHT = Variable.choice("light", Light.class);
    static final Variable<Double> WEIGHT = Variable.decimal("weight");
    static final Variable<Integer> TALLY = Variable.integer("tally");

    @Test
    void aRequiredValueFromAMapIsReadAsItsTypeOrNamedWhenMissing() {
        assertThat(TALLY.from(Map.of("tally", 3L))).isEqualTo(3);
        assertThatThrownBy(() -> TALLY.from(Map.of())).hasMessage("Process variable 'tally' is missing");
    }

    @Test
    void checkedFromHandsWhatWasThereToTheStepsRefusal() {
        assertThat(WEIGHT.checkedFrom(FakeScopes.execution(Map.of("weight", 7L), "k"), given -> new IllegalStateException())).isEqualTo(7.0);
        assertThat(LIGHT.checkedFrom(FakeScopes.execution(Map.of("light", "amber-red"), "k"), given -> new IllegalStateException()))
                .isEqualTo(Light.AMBER_RED);
        assertThatThrownBy(() -> WEIGHT.checkedFrom(FakeScopes.execution(Map.of("weight", "lots"), "k"),
                given -> new IllegalStateException("refused " + given))).hasMessage("refused lots");
        assertThatThrownBy(() -> LIGHT.checkedFrom(FakeScopes.execution(Map.of(), "k"),
                given -> new IllegalStateException("refused " + given))).hasMessage("refused null");
    }

    @Test
    void holdsComparesTheStoredValueAndNeverFails() {
        assertThat(LIGHT.holds(FakeScopes.task(Map.of("light", "green")), Light.GREEN)).isTrue();
        assertThat(LIGHT.holds(FakeScopes.task(Map.of("light", "amber-red")), Light.GREEN)).isFalse();
        assertThat(LIGHT.holds(FakeScopes.task(Map.of("light", "maybe")), Light.GREEN)).isFalse();
        assertThat(LIGHT.holds(FakeScopes.task(Map.of()), Light.GREEN)).isFalse();
    }
}
