package eu.smartcity.accelerator.shared;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link DatabaseUnreachableException} into Spring Boot's short failure report, without a stack trace. */
public class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnreachableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnreachableException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Start PostgreSQL (docker compose up -d postgres) or point ACCELERATOR_DB_URL, ACCELERATOR_DB_USER "
                        + "and ACCELERATOR_DB_PASSWORD at a reachable database.",
                cause);
    }
}
