-- Supplier alerts (issue 18, point 7): which catalogue solution matched which published challenge,
-- as the solution-matching decision scored it. One row per challenge and solution, never two.
CREATE TABLE solution_alert (
    id UUID PRIMARY KEY,
    challenge_id UUID NOT NULL,
    solution_id UUID NOT NULL,
    supplier_group VARCHAR(64) NOT NULL,
    match_score NUMERIC(5, 1) NOT NULL,
    rule_ids VARCHAR(1000) NOT NULL,
    decision_version INT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_solution_alert UNIQUE (challenge_id, solution_id)
);
CREATE INDEX ix_solution_alert_supplier ON solution_alert (supplier_group, created_at);
