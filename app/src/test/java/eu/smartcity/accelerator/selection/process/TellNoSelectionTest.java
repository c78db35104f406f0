package eu.smartcity.accelerator.selection.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/**
 * A step of the challenge process on its own, without Spring or an engine (issue 22.3): the named delegate is a
 * plain class whose seams are its constructor (the module API it calls) and the execution's typed variables.
 */
class TellNoSelectionTest {

    final List<String> told = new ArrayList<>();
    final Map<String, Object> variables = new HashMap<>();

    @Test
    void endsEveryApplicationUnderReviewOfItsChallenge() {
        UUID challengeId = UUID.randomUUID();
        variables.put(ChallengeProcess.CHALLENGE_ID.name(), challengeId.toString());

        new TellNoSelection(recording(Applications.class)).execute(execution());

        assertThat(told).containsExactly("noSelectionMade " + challengeId);
    }

    @Test
    void anIncidentNamesTheMissingVariable() {
        TellNoSelection step = new TellNoSelection(recording(Applications.class));

        assertThatThrownBy(() -> step.execute(execution())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ChallengeProcess.CHALLENGE_ID.name());
        assertThat(told).isEmpty();
    }

    DelegateExecution execution() {
        return (DelegateExecution) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DelegateExecution.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getVariable", "getVariableLocal" -> variables.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    <T> T recording(Class<T> api) {
        return api.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {api}, (proxy, method, args) -> {
            told.add(method.getName() + " " + args[0]);
            return null;
        }));
    }
}
