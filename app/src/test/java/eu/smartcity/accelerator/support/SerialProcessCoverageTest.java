package eu.smartcity.accelerator.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.community.process_test_coverage.engine.platform7.ElementCoverageParseListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Tests that drive the engine from several threads find the coverage listener taking one event at a time. */
@AcceleratorTest
class SerialProcessCoverageTest {

    @Autowired ProcessEngine engine;

    @Test
    void theCoverageListenersCollectorIsSerialisedBeforeEachTestMethod() throws Exception {
        var listeners = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCustomPostBPMNParseListeners()
                .stream().filter(ElementCoverageParseListener.class::isInstance).toList();
        assertThat(listeners).hasSize(1);
        var field = ElementCoverageParseListener.class.getDeclaredField("coverageState");
        field.setAccessible(true);
        assertThat(field.get(listeners.get(0))).isInstanceOf(SerialProcessCoverage.OneEventAtATime.class);
    }
}
