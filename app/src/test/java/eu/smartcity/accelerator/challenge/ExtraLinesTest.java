package eu.smartcity.accelerator.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smartcity.accelerator.shared.RuleViolationException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of a city-funded extra line, as the forms and the service apply them. */
class ExtraLinesTest {

    @Test
    void unusedLinesAreNoErrorAndAmountsAreReadAsTheCityTypesThem() {
        List<ExtraLines.Line> lines = ExtraLines.of(List.of("EQUIPMENT", "DATA_ACCESS", "OTHER", "EQUIPMENT"),
                List.of("Parking sensors", "", "Data platform licence", "Poles"), List.of("5,000.50", " ", "1.250,75", "300"));

        assertThat(ExtraLines.problems(lines)).isEmpty();
        assertThat(ExtraLines.extras(lines)).containsExactly(
                new Challenges.Extra(Challenges.ExtraKind.EQUIPMENT, "Parking sensors", new BigDecimal("5000.50")),
                new Challenges.Extra(Challenges.ExtraKind.OTHER, "Data platform licence", new BigDecimal("1250.75")),
                new Challenges.Extra(Challenges.ExtraKind.EQUIPMENT, "Poles", new BigDecimal("300")));
    }

    @Test
    void eachBrokenRuleIsNamedByTheFieldOfItsLine() {
        List<ExtraLines.Line> lines = ExtraLines.of(List.of("EQUIPMENT", "BRIBES", "OTHER", "OTHER", "OTHER"),
                List.of("Sensors", "Lunch", "", "Too dear", "Cents"), List.of("-5", "10", "100", "1000000.01", "10.5555"));

        assertThat(ExtraLines.problems(lines)).containsOnlyKeys("extraAmount-0", "extraKind-1", "extraDescription-2",
                "extraAmount-3", "extraAmount-4");
        assertThat(ExtraLines.problems(lines).get("extraAmount-0").messageKey()).isEqualTo("extra.error.amount");
        assertThat(ExtraLines.problems(ExtraLines.of(List.of("OTHER"), List.of("x".repeat(201)), List.of("1"))))
                .containsOnlyKeys("extraDescription-0");
        assertThat(ExtraLines.problems(ExtraLines.of(List.of("OTHER"), List.of("Sensors"), List.of("five thousand"))))
                .containsOnlyKeys("extraAmount-0");
        assertThatThrownBy(() -> ExtraLines.extras(lines)).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void atMostTenLines() {
        List<ExtraLines.Line> eleven = ExtraLines.of(Collections.nCopies(11, "OTHER"), Collections.nCopies(11, "Thing"),
                Collections.nCopies(11, "10"));

        assertThat(ExtraLines.problems(eleven)).containsOnlyKeys("extraDescription-10");
        assertThat(ExtraLines.problems(eleven.subList(0, 10))).isEmpty();
    }

    @Test
    void theServiceRefusesWhatTheFormWouldRefuse() {
        assertThatThrownBy(() -> ExtraLines.check(List.of(new Challenges.Extra(Challenges.ExtraKind.EQUIPMENT, "Sensors",
                BigDecimal.ZERO)))).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> ExtraLines.check(List.of(new Challenges.Extra(Challenges.ExtraKind.EQUIPMENT, " ", null))))
                .isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> ExtraLines.check(List.of(new Challenges.Extra(null, "Sensors", BigDecimal.TEN))))
                .isInstanceOf(RuleViolationException.class);
        ExtraLines.check(List.of(new Challenges.Extra(Challenges.ExtraKind.DATA_ACCESS, "Traffic feed", new BigDecimal("2500"))));
    }
}
