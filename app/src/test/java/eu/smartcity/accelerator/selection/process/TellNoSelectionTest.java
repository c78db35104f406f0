package eu.smartcity.accelerator.selection.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.support.FakeScopes;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A step of the challenge process on its own, without Spring or an engine (issue 22.3): the named delegate is a
 * plain class whose seams are its constructor (the module API it calls) and the execution's typed variables.
 */
class TellNoSelectionTest {

    final List<String> told = new ArrayList<>();
    /** The application module's API as this step sees it: every call is recorded. */
    final Applications applications = (Applications) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Applications.class}, (proxy, method, args) -> {
                told.add(method.getName() + " " + args[0]);
                return null;
            });

    @Test
    void endsEveryApplicationUnderReviewOfItsChallenge() {
        UUID challengeId = UUID.randomUUID();

        new TellNoSelection(applications).execute(FakeScopes.execution(
                Map.of(ChallengeProcess.CHALLENGE_ID.name(), ChallengeProcess.CHALLENGE_ID.stored(challengeId)), challengeId.toString()));

        assertThat(told).containsExactly("noSelectionMade " + challengeId);
    }

    @Test
    void anIncidentNamesTheMissingVariable() {
        TellNoSelection step = new TellNoSelection(applications);

        assertThatThrownBy(() -> step.execute(FakeScopes.execution(Map.of(), "x"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ChallengeProcess.CHALLENGE_ID.name());
        assertThat(told).isEmpty();
    }
}
