package eu.smartcity.accelerator.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.event.EventType;
import org.camunda.community.process_test_coverage.core.model.Collector;
import org.camunda.community.process_test_coverage.core.model.Event;
import org.camunda.community.process_test_coverage.engine.platform7.CompensationEventCoverageHandler;
import org.camunda.community.process_test_coverage.engine.platform7.ElementCoverageParseListener;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Makes the process-test coverage listener safe for tests that drive the engine from several threads at once (the
 * race tests: officers clicking together, jurors completing together). The library's collector is not thread-safe:
 * the first event of a process reads the process's model and serialises the engine's one cached BPMN model instance
 * to XML, and two threads doing that at once walk the same DOM (a Saxon NullPointerException in
 * {@code ReplicationRaceTest}); its runs keep events in plain lists. So each event is handed over under one lock.
 *
 * <p>The library sets its collector on the engine's listeners in every class's {@code beforeTestClass}; this wraps it
 * in {@code beforeTestMethod}, which runs after every listener's {@code beforeTestClass}, whatever their order.
 */
public class SerialProcessCoverage implements TestExecutionListener, Ordered {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            return;
        }
        ProcessEngine engine = testContext.getApplicationContext().getBeanProvider(ProcessEngine.class).getIfAvailable();
        if (engine == null) {
            return;
        }
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        configuration.getCustomPostBPMNParseListeners().stream()
                .filter(ElementCoverageParseListener.class::isInstance)
                .map(ElementCoverageParseListener.class::cast)
                .forEach(listener -> serialise(listener, configuration));
    }

    private static void serialise(ElementCoverageParseListener listener, ProcessEngineConfigurationImpl configuration) {
        Collector current = currentCollector(listener);
        if (current == null || current instanceof OneEventAtATime) {
            return;
        }
        OneEventAtATime serial = new OneEventAtATime(current);
        listener.setCoverageState(serial);
        if (configuration.getEventHandler(EventType.COMPENSATE.name()) instanceof CompensationEventCoverageHandler compensation) {
            compensation.setCoverageState(serial);
        }
    }

    /** The listener's collector (the library offers a setter only). */
    private static Collector currentCollector(ElementCoverageParseListener listener) {
        try {
            var field = ElementCoverageParseListener.class.getDeclaredField("coverageState");
            field.setAccessible(true);
            return (Collector) field.get(listener);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("process-test-coverage changed: no coverageState on its parse listener", e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** One lock for every event of the JVM's tests: events are few, the model's first serialisation is the point. */
    record OneEventAtATime(Collector delegate) implements Collector {
        private static final Object LOCK = new Object();

        @Override
        public void addEvent(Event event) {
            synchronized (LOCK) {
                delegate.addEvent(event);
            }
        }
    }
}
