package eu.smartcity.accelerator.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.assertj.core.api.Condition;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Process-test coverage (camunda-process-test-coverage) for every Spring test. Every class is instrumented; a process
 * test class (one that calls {@link #gateThisClass()}, as {@link ProcessTestBase} does) fails unless it covers at
 * least {@value #MINIMUM_PROCESS_COVERAGE} of the flow nodes and sequence flows of ITS OWN process — the one its name
 * says ({@code ContractProcessTest} → {@code contract}, {@code AcceleratorCycleProcessTest} →
 * {@code accelerator-cycle}); processes it merely calls are reported, not gated. Each gated class adds a line to
 * {@code app/target/process-test-coverage/per-process.md} (process, coverage, class). Other classes that merely start
 * a process (portal, open data) are reported, not gated. Reports: app/target/process-test-coverage/.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ProcessEngineCoverageConfiguration.class)
public class ProcessCoverageTestConfiguration {

    public static final double MINIMUM_PROCESS_COVERAGE = 0.9;

    /** Set by the running class's @BeforeAll, consumed by the coverage check at the end of that class. */
    private static final AtomicBoolean GATED = new AtomicBoolean();

    public static void gateThisClass() {
        GATED.set(true);
    }

    @Bean
    @Primary
    ProcessEngineCoverageProperties acceleratorCoverageProperties() {
        ProcessEngineCoverageProperties defaults = ProcessEngineCoverageProperties.Companion.builder().build();
        // the listener writes to target/process-test-coverage when no directory is set
        Path reports = Path.of(defaults.getReportDirectory() == null ? "target/process-test-coverage" : defaults.getReportDirectory());
        Condition<Double> gate = new Condition<>(
                classCoverage -> !GATED.getAndSet(false) || ownProcessCovered(reports),
                "a process test class covers at least %s of its own process", MINIMUM_PROCESS_COVERAGE);
        return defaults.copy(defaults.getDetailedCoverageLogging(), defaults.getHandleTestMethodCoverage(),
                defaults.getExcludedProcessDefinitionKeys(), List.of(gate), defaults.getTestMethodCoverageConditions(),
                defaults.getInclusionPatternsForTestClasses(), defaults.getReportDirectory());
    }

    /**
     * Reads the JSON report the coverage listener has just written for the finishing class (the newest one; classes
     * run one after another) and checks the coverage of the class's own process; a shortfall fails with the figure.
     */
    static boolean ownProcessCovered(Path reports) {
        try {
            Path report;
            try (Stream<Path> files = Files.find(reports, 2, (p, a) -> p.getFileName().toString().equals("report.json"))) {
                report = files.max(Comparator.comparing(ProcessCoverageTestConfiguration::modified)).orElseThrow();
            }
            String testClass = report.getParent().getFileName().toString();
            String process = processOf(testClass);
            JsonNode json = new ObjectMapper().readTree(report.toFile());
            int total = 0;
            for (JsonNode model : json.path("models")) {
                if (model.path("key").asText().equals(process)) {
                    total = model.path("totalElementCount").asInt();
                }
            }
            if (total == 0) {
                throw new AssertionError(testClass + " never started its own process '" + process + "'");
            }
            Set<String> covered = new HashSet<>();
            for (JsonNode suite : json.path("suites")) {
                for (JsonNode run : suite.path("runs")) {
                    for (JsonNode event : run.path("events")) {
                        if (event.path("modelKey").asText().equals(process)) {
                            covered.add(event.path("definitionKey").asText());
                        }
                    }
                }
            }
            double coverage = (double) covered.size() / total;
            Files.writeString(reports.resolve("per-process.md"),
                    String.format(Locale.ROOT, "| %s | %.1f %% (%d of %d) | %s |%n", process, coverage * 100, covered.size(), total, testClass),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (coverage < MINIMUM_PROCESS_COVERAGE) {
                throw new AssertionError(String.format(Locale.ROOT, "%s covers %.1f %% of process '%s' (%d of %d flow nodes and sequence flows); at least %.0f %% wanted",
                        testClass, coverage * 100, process, covered.size(), total, MINIMUM_PROCESS_COVERAGE * 100));
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code eu.….AcceleratorCycleProcessTest} (or {@code …ProcessPostgresIT}) → {@code accelerator-cycle}. */
    static String processOf(String testClass) {
        String simple = testClass.substring(testClass.lastIndexOf('.') + 1);
        String name = simple.replaceFirst("Process(Test|PostgresIT|IT)$", "");
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static java.nio.file.attribute.FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
