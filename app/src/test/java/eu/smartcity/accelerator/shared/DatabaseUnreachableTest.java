package eu.smartcity.accelerator.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smartcity.accelerator.AcceleratorApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** An unreachable PostgreSQL stops start-up with a message naming the URL, before any pool or engine starts. */
class DatabaseUnreachableTest {

    static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/accelerator";

    @Test
    void startupFailsWithTheUrlInTheMessage() {
        SpringApplication app = new SpringApplication(AcceleratorApplication.class);
        assertThatThrownBy(() -> app.run("--spring.profiles.active=postgres", "--spring.datasource.url=" + UNREACHABLE,
                        "--server.port=0"))
                .isInstanceOf(DatabaseUnreachableException.class)
                .hasMessageStartingWith("Cannot reach the database at " + UNREACHABLE + ": ")
                .hasMessageContaining("Connection");
    }

    @Test
    void failureReportNamesTheUrlAndWhatToDo() {
        FailureAnalysis analysis = new DatabaseUnreachableFailureAnalyzer()
                .analyze(new DatabaseUnreachableException(UNREACHABLE, "Connection refused"));
        assertThat(analysis.getDescription()).isEqualTo("Cannot reach the database at " + UNREACHABLE + ": Connection refused");
        assertThat(analysis.getAction()).contains("ACCELERATOR_DB_URL");
    }
}
