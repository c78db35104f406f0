package eu.smartcity.accelerator.application.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/**
 * ThrowEvent_TellContractConcluded's step on its own (issue 22.3): the selected application (not any other) is told
 * the contract's outcome, read from the challenge's typed variables.
 */
class TellApplicationContractConcludedTest {

    final List<String> told = new ArrayList<>();
    final Map<String, Object> variables = new HashMap<>();

    @Test
    void tellsTheSelectedApplicationTheContractsOutcome() {
        UUID selected = UUID.randomUUID();
        variables.put(ChallengeProcess.SELECTED_APPLICATION_ID.name(), selected.toString());
        variables.put(ChallengeProcess.CONTRACT_OUTCOME.name(), "declined");

        new TellApplicationContractConcluded(recording()).execute(execution());

        assertThat(told).containsExactly("contractConcluded [" + selected + ", declined]");
    }

    @Test
    void withoutAnOutcomeNothingIsToldAndTheIncidentSaysWhy() {
        variables.put(ChallengeProcess.SELECTED_APPLICATION_ID.name(), UUID.randomUUID().toString());

        assertThatThrownBy(() -> new TellApplicationContractConcluded(recording()).execute(execution()))
                .hasMessageContaining(ChallengeProcess.CONTRACT_OUTCOME.name());
        assertThat(told).isEmpty();
    }

    DelegateExecution execution() {
        return (DelegateExecution) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DelegateExecution.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getVariable", "getVariableLocal" -> variables.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    Applications recording() {
        return (Applications) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Applications.class},
                (proxy, method, args) -> {
                    told.add(method.getName() + " " + Arrays.toString(args));
                    return null;
                });
    }
}
