package eu.smartcity.accelerator.support;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Process-test coverage (camunda-process-test-coverage) for every Spring test: each test class that
 * drives processes must cover at least {@value #MINIMUM_CLASS_COVERAGE} of the flow nodes and
 * sequence flows of the processes it touched, or it fails. Keep one test class per process so the
 * figure is that process's coverage. Reports: app/target/process-test-coverage/.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ProcessEngineCoverageConfiguration.class)
public class ProcessCoverageTestConfiguration {

    public static final double MINIMUM_CLASS_COVERAGE = 0.9;

    @Bean
    @Primary
    ProcessEngineCoverageProperties acceleratorCoverageProperties() {
        return ProcessEngineCoverageProperties.Companion.builder()
                .assertClassCoverageAtLeast(MINIMUM_CLASS_COVERAGE)
                .build();
    }
}
