-- A company's unfinished application to one call: text fields only (attachments are chosen when it
-- submits), all optional, one per company and call. Not an application: no process, not counted,
-- never published; only the company itself reads it. Submitting the application deletes it.
CREATE TABLE application_draft (
    id                    UUID          PRIMARY KEY,
    challenge_id          UUID          NOT NULL REFERENCES challenge (id),
    company_group         VARCHAR(64)   NOT NULL,
    solution_title        VARCHAR(200),
    pitch                 VARCHAR(4000),
    requested_budget      NUMERIC(12,2),
    trl                   INTEGER,
    legal_entity          BOOLEAN       NOT NULL,
    country               VARCHAR(2),
    employees             INTEGER,
    interoperable         BOOLEAN       NOT NULL,
    declarations_signed   BOOLEAN       NOT NULL,
    saved_by              VARCHAR(64)   NOT NULL,
    saved_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT application_draft_one_per_company UNIQUE (challenge_id, company_group)
);
CREATE INDEX application_draft_company ON application_draft (company_group);
