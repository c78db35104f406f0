package eu.smartcity.accelerator.support;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.api.Condition;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Process-test coverage (camunda-process-test-coverage) for every Spring test. Every class is
 * instrumented; a process test class (one that calls {@link #gateThisClass()}, as
 * {@link ProcessTestBase} does) fails unless it covers at least {@value #MINIMUM_CLASS_COVERAGE} of the
 * flow nodes and sequence flows of the processes it touched. Other classes that merely start a process
 * (portal, open data) are reported, not gated. Keep one process test class per process so the figure is
 * that process's coverage. Reports: app/target/process-test-coverage/.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ProcessEngineCoverageConfiguration.class)
public class ProcessCoverageTestConfiguration {

    public static final double MINIMUM_CLASS_COVERAGE = 0.9;

    /** Set by the running class's @BeforeAll, consumed by the coverage check at the end of that class. */
    private static final AtomicBoolean GATED = new AtomicBoolean();

    public static void gateThisClass() {
        GATED.set(true);
    }

    @Bean
    @Primary
    ProcessEngineCoverageProperties acceleratorCoverageProperties() {
        Condition<Double> gate = new Condition<>(
                coverage -> !GATED.getAndSet(false) || coverage >= MINIMUM_CLASS_COVERAGE,
                "a process test class covers at least %s of its processes", MINIMUM_CLASS_COVERAGE);
        ProcessEngineCoverageProperties defaults = ProcessEngineCoverageProperties.Companion.builder().build();
        return defaults.copy(defaults.getDetailedCoverageLogging(), defaults.getHandleTestMethodCoverage(),
                defaults.getExcludedProcessDefinitionKeys(), List.of(gate), defaults.getTestMethodCoverageConditions(),
                defaults.getInclusionPatternsForTestClasses(), defaults.getReportDirectory());
    }
}
