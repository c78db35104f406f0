-- Each milestone report as the company submitted it, and the city's review of it: the review task
-- shows the report from here, not from a process variable anyone with task rights could rewrite.
CREATE TABLE pilot_report (
    id              UUID          PRIMARY KEY,
    pilot_id        UUID          NOT NULL REFERENCES pilot (id),
    milestone_no    INTEGER       NOT NULL,
    report          VARCHAR(10000) NOT NULL,
    milestone_met   BOOLEAN       NOT NULL,
    submitted_by    VARCHAR(64),
    submitted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    reviewed_by     VARCHAR(64),
    reviewed_at     TIMESTAMP WITH TIME ZONE,
    continued       BOOLEAN,
    review_notes    VARCHAR(4000)
);
CREATE INDEX pilot_report_pilot ON pilot_report (pilot_id, milestone_no);
