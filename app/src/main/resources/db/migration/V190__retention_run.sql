-- Issue 24 point 4: what each daily retention run did (no personal data: counts per section and table, errors by
-- section and exception type). Coordinators read the last runs on /coordinator/retention; the rows are small and
-- kept as the record that retention is enforced.
CREATE TABLE retention_run (
    id           VARCHAR(36) PRIMARY KEY,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    node         VARCHAR(255) NOT NULL,
    -- one line per table touched: "section table count"
    touched      VARCHAR(4000) NOT NULL,
    -- one line per failed section: "section ExceptionType"; empty when none failed
    errors       VARCHAR(4000) NOT NULL
);
CREATE INDEX retention_run_started ON retention_run (started_at);
