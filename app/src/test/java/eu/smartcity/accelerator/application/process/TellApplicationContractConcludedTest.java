package eu.smartcity.accelerator.application.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.ChallengeProcess.ContractOutcome;
import eu.smartcity.accelerator.support.FakeScopes;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ThrowEvent_TellContractConcluded's step on its own (issue 22.3): the selected application (not any other) is told
 * the contract's outcome, read from the challenge's typed variables.
 */
class TellApplicationContractConcludedTest {

    final List<String> told = new ArrayList<>();
    /** The application module's API as this step sees it: every call is recorded. */
    final Applications applications = (Applications) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Applications.class}, (proxy, method, args) -> {
                told.add(method.getName() + " " + Arrays.toString(args));
                return null;
            });

    @Test
    void tellsTheSelectedApplicationTheContractsOutcome() {
        UUID selected = UUID.randomUUID();

        new TellApplicationContractConcluded(applications).execute(FakeScopes.execution(Map.of(
                ChallengeProcess.SELECTED_APPLICATION_ID.name(), ChallengeProcess.SELECTED_APPLICATION_ID.stored(selected),
                ChallengeProcess.CONTRACT_OUTCOME.name(), ChallengeProcess.CONTRACT_OUTCOME.stored(ContractOutcome.DECLINED)), "challenge"));

        assertThat(told).containsExactly("contractConcluded [" + selected + ", " + ContractOutcome.DECLINED + "]");
    }

    @Test
    void withoutAnOutcomeNothingIsToldAndTheIncidentSaysWhy() {
        Map<String, Object> withoutOutcome = Map.of(ChallengeProcess.SELECTED_APPLICATION_ID.name(), UUID.randomUUID().toString());

        assertThatThrownBy(() -> new TellApplicationContractConcluded(applications).execute(FakeScopes.execution(withoutOutcome, "challenge")))
                .hasMessageContaining(ChallengeProcess.CONTRACT_OUTCOME.name());
        assertThat(told).isEmpty();
    }
}
