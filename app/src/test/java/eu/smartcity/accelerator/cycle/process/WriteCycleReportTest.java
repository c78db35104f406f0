package eu.smartcity.accelerator.cycle.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smartcity.accelerator.cycle.CycleProcess;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.support.FakeScopes;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The cycle report step on its own (no Spring, no engine): it closes the cycle its process names, and says which is missing. */
class WriteCycleReportTest {

    final List<UUID> closed = new ArrayList<>();
    /** The cycle module's API as this step sees it: only {@code close} may be called. */
    final Cycles cycles = (Cycles) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Cycles.class}, (proxy, method, args) -> {
        if (!method.getName().equals("close")) {
            throw new UnsupportedOperationException(method.getName());
        }
        closed.add((UUID) args[0]);
        return null;
    });

    @Test
    void closesTheCycleOfItsProcess() {
        UUID cycle = UUID.randomUUID();
        new WriteCycleReport(cycles).execute(FakeScopes.execution(
                Map.of(CycleProcess.CYCLE_ID.name(), CycleProcess.CYCLE_ID.stored(cycle)), cycle.toString()));
        assertThat(closed).containsExactly(cycle);
    }

    @Test
    void withoutACycleIdTheIncidentNamesTheVariable() {
        assertThatThrownBy(() -> new WriteCycleReport(cycles).execute(FakeScopes.execution(Map.of(), "x")))
                .hasMessage("Process variable 'cycleId' is missing");
        assertThat(closed).isEmpty();
    }
}
