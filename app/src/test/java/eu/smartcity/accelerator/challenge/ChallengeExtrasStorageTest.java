package eu.smartcity.accelerator.challenge;

import static eu.smartcity.accelerator.challenge.ChallengeProcess.BUDGET_CAP;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.KPIS;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.LANGUAGES;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.MIN_TRL;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.OPEN_DATASETS;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.PROBLEM;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.TITLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.shared.RuleViolationException;
import eu.smartcity.accelerator.support.AcceleratorTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a city funds beside the pilot is stored with its challenge, amounts to the cent, in the city's order;
 * it changes while the challenge awaits approval or was sent back, and no longer once the call is published.
 */
@AcceleratorTest
class ChallengeExtrasStorageTest {

    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired ProcessEngine engine;

    static final List<Challenges.Extra> SENSORS_AND_DATA = List.of(
            new Challenges.Extra(Challenges.ExtraKind.EQUIPMENT, "Parking sensors on 40 spaces", new BigDecimal("4999.99")),
            new Challenges.Extra(Challenges.ExtraKind.DATA_ACCESS, "Access to the city's traffic data platform", new BigDecimal("1000000")),
            new Challenges.Extra(Challenges.ExtraKind.OTHER, "Signs", new BigDecimal("0.01")));

    UUID launch(List<Challenges.Extra> extras) {
        UUID cycle = cycles.open("Extras cycle " + UUID.randomUUID(), "scifi-2025").id();
        return challenges.launch(cycle, "city-bruges", new Challenges.Definition("Parking guidance " + UUID.randomUUID(),
                "Drivers search too long for a free space.", "Parking occupancy", new BigDecimal("10000"), "Search time", "nl", 6),
                extras);
    }

    @Test
    void storesTheExtrasToTheCentInTheCitysOrder() {
        UUID challenge = launch(SENSORS_AND_DATA);

        List<Challenges.Extra> stored = challenges.extrasOf(challenge);
        assertThat(stored).extracting(Challenges.Extra::kind).containsExactly(Challenges.ExtraKind.EQUIPMENT,
                Challenges.ExtraKind.DATA_ACCESS, Challenges.ExtraKind.OTHER);
        assertThat(stored).extracting(Challenges.Extra::description).containsExactly("Parking sensors on 40 spaces",
                "Access to the city's traffic data platform", "Signs");
        assertThat(stored.get(0).amount()).isEqualByComparingTo("4999.99");
        assertThat(stored.get(1).amount()).isEqualByComparingTo("1000000");
        assertThat(stored.get(2).amount()).isEqualByComparingTo("0.01");
        // the pilot's cap is the pilot's alone
        assertThat(challenges.find(challenge).orElseThrow().budgetCap()).isEqualByComparingTo("10000");
        assertThat(challenges.extrasOf(launch(List.of()))).isEmpty();
    }

    @Test
    void theCityChangesThemWhileSentBackButNotOnceTheCallIsPublished() {
        UUID challenge = launch(SENSORS_AND_DATA);
        String pi = challenges.find(challenge).orElseThrow().processInstanceId();
        ProcessDriver driver = new ProcessDriver(engine);
        driver.complete(pi, ChallengeProcess.USER_TASK_APPROVE_CHALLENGE, Map.of(ChallengeProcess.CHALLENGE_DECISION.name(),
                ChallengeProcess.ChallengeDecision.SEND_BACK.wire(), ChallengeProcess.REMARKS.name(), "Name the sensors"));

        challenges.changeExtras(challenge, List.of(new Challenges.Extra(Challenges.ExtraKind.EQUIPMENT, "40 magnetometers",
                new BigDecimal("5000"))));
        assertThat(challenges.extrasOf(challenge)).singleElement()
                .satisfies(e -> assertThat(e.description()).isEqualTo("40 magnetometers"))
                .satisfies(e -> assertThat(e.amount()).isEqualByComparingTo("5000"));
        assertThatThrownBy(() -> challenges.changeExtras(challenge, List.of(new Challenges.Extra(Challenges.ExtraKind.EQUIPMENT,
                "Sensors", new BigDecimal("-1"))))).isInstanceOf(RuleViolationException.class);

        driver.complete(pi, ChallengeProcess.USER_TASK_REVISE_CHALLENGE, Map.of(TITLE.name(), "Parking guidance revised",
                PROBLEM.name(), "Drivers search too long for a free space.", OPEN_DATASETS.name(), "Parking occupancy", BUDGET_CAP.name(), 10000L,
                KPIS.name(), "Search time", LANGUAGES.name(), "nl", MIN_TRL.name(), 6L));
        driver.complete(pi, ChallengeProcess.USER_TASK_APPROVE_CHALLENGE, Map.of(ChallengeProcess.CHALLENGE_DECISION.name(),
                ChallengeProcess.ChallengeDecision.APPROVE.wire()));
        driver.runAsyncJobs(pi);
        assertThat(challenges.find(challenge).orElseThrow().stage()).isEqualTo(ChallengeStage.PUBLISHED);

        assertThatThrownBy(() -> challenges.changeExtras(challenge, List.of()))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("extra.error.published"));
        assertThat(challenges.extrasOf(challenge)).hasSize(1);
    }
}
