package eu.smartcity.accelerator.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped bylaws load; a broken rules.yaml is refused naming the file, the key and the problem. */
class BylawsLoaderTest {

    static String shipped(String version) throws IOException {
        try (InputStream in = BylawsLoaderTest.class.getResourceAsStream("/bylaws/" + version + "/rules.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Bylaws load(String yaml) {
        return BylawsLoader.load("bylaws/test/rules.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void secondCycleCarriesTheChangedRules() throws IOException {
        Bylaws first = load(shipped("scifi-2024"));
        Bylaws second = load(shipped("scifi-2025"));

        assertThat(first.budgetPerPilot()).isEqualByComparingTo(new BigDecimal("25000"));
        assertThat(second.budgetPerPilot()).isEqualByComparingTo(new BigDecimal("10000"));
        assertThat(first.requireLegalEntity()).isFalse();
        assertThat(second.requireLegalEntity()).isTrue();
        assertThat(second.requireInteroperable()).isTrue();
        assertThat(second.duration("callWindow")).isEqualTo("P45D");
        assertThat(second.scoringWeights().get("replicability")).isGreaterThan(first.scoringWeights().get("replicability"));
        assertThat(first.pilotsPerCity()).isEqualTo(2);
        assertThat(second.pilotsPerCity()).isEqualTo(1);
        assertThat(second.quotasOverridable()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing cap          | '  budgetPerPilot: 25000'    | ''                            | key 'caps.budgetPerPilot' is missing
            negative cap         | '  budgetPerPilot: 25000'    | '  budgetPerPilot: -1'        | key 'caps.budgetPerPilot' must not be negative
            bad duration         | 'callWindow: P30D'           | 'callWindow: thirty days'     | key 'durations.callWindow' 'thirty days' is not an ISO-8601 duration
            zero duration        | 'callWindow: P30D'           | 'callWindow: P0D'             | key 'durations.callWindow' must be a positive duration
            weights not summing  | '  fit: 0.30'                | '  fit: 0.50'                 | key 'scoringWeights' must sum to 1
            quorum above jury    | '  quorum: 2'                | '  quorum: 5'                 | key 'quotas.quorum' must not exceed quotas.jurySize
            flag not boolean     | '  requireLegalEntity: false'| '  requireLegalEntity: maybe' | key 'eligibility.requireLegalEntity' must be true or false
            no override flag     | '  overridable: true'        | '  override: yes'             | key 'quotas.overridable' is missing
            override not boolean | '  overridable: true'        | '  overridable: sometimes'    | key 'quotas.overridable' must be true or false
            no pilots per city   | '  pilotsPerCity: 2'         | '  pilotsPerCity: 0'          | key 'quotas.pilotsPerCity' must be a whole number of at least 1
            bad country          | 'programmeCountries: [BE, NL, FR]' | 'programmeCountries: [Belgium]' | key 'programmeCountries' has 'Belgium'
            bad check at submission | '  checkAtSubmission: warn' | '  checkAtSubmission: later' | key 'eligibility.checkAtSubmission' must be refuse or warn
            """)
    void refusesInvalidBylawsNamingFileKeyAndProblem(String name, String line, String replacement, String expected) throws IOException {
        String broken = shipped("scifi-2024").replace(line, replacement);
        assertThat(broken).isNotEqualTo(shipped("scifi-2024"));

        assertThatThrownBy(() -> load(broken))
                .isInstanceOf(InvalidBylawsException.class)
                .hasMessageStartingWith("bylaws/test/rules.yaml: ")
                .hasMessageContaining(expected);
    }

    @Test
    void theBylawsSayWhetherAFailingApplicationIsRefusedAtSubmissionAndOlderVersionsWarn() throws IOException {
        assertThat(load(shipped("scifi-2025")).checkAtSubmission()).isEqualTo(Bylaws.AtSubmission.WARN);
        assertThat(load(shipped("scifi-2025").replace("checkAtSubmission: warn", "checkAtSubmission: refuse")).checkAtSubmission())
                .isEqualTo(Bylaws.AtSubmission.REFUSE);
        // a version written before the setting existed keeps deciding after the deadline
        String older = shipped("scifi-2024").replaceAll("(?m)^  checkAtSubmission: .*\\n", "").replaceAll("(?m)^  # an application the eligibility.*\\n", "");
        assertThat(older).doesNotContain("checkAtSubmission");
        assertThat(load(older).checkAtSubmission()).isEqualTo(Bylaws.AtSubmission.WARN);
    }

    @Test
    void callWindowBoundsAreOptionalAndMustFitTheCallWindow() throws IOException {
        Bylaws second = load(shipped("scifi-2025"));
        assertThat(second.callWindowMin()).isEqualTo(java.time.Duration.ofDays(14));
        assertThat(second.callWindowMax()).isEqualTo(java.time.Duration.ofDays(120));
        assertThat(load(shipped("scifi-2024")).callWindowMax()).isEqualTo(java.time.Duration.ofDays(90));
        assertThat(second.durations()).containsKeys(Bylaws.CALL_WINDOW_BOUNDS.toArray(String[]::new));
        // a version written before the bounds existed gets the defaults
        String older = shipped("scifi-2025").replaceAll("(?m)^  callWindowM(in|ax): .*\\n", "");
        assertThat(older).doesNotContain("callWindowMin");
        assertThat(load(older).callWindowMin()).isEqualTo(java.time.Duration.ofDays(14));
        assertThat(load(older).callWindowMax()).isEqualTo(java.time.Duration.ofDays(120));
        assertThatThrownBy(() -> load(shipped("scifi-2025").replace("callWindowMin: P14D", "callWindowMin: P200D")))
                .isInstanceOf(InvalidBylawsException.class).hasMessageContaining("durations.callWindowMin");
        assertThatThrownBy(() -> load(shipped("scifi-2025").replace("callWindowMax: P120D", "callWindowMax: P30D")))
                .isInstanceOf(InvalidBylawsException.class).hasMessageContaining("durations.callWindow' must lie between");
        assertThatThrownBy(() -> load(shipped("scifi-2025").replace("callWindowMin: P14D", "callWindowMin: soon")))
                .isInstanceOf(InvalidBylawsException.class).hasMessageContaining("durations.callWindowMin");
    }

    @Test
    void refusesSomethingThatIsNotYaml() {
        assertThatThrownBy(() -> load("version: [unclosed"))
                .isInstanceOf(InvalidBylawsException.class)
                .hasMessageStartingWith("bylaws/test/rules.yaml: is not valid YAML");
    }

    @Test
    void acceptsHourDurations() {
        assertThat(Bylaws.parseDuration("PT72H")).hasHours(72);
        assertThat(Bylaws.parseDuration("P1DT12H")).hasHours(36);
    }
}
