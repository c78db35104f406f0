-- Issue 24: erasure requests and the record of every erasure.

-- A person's request to be erased (retention class: PERSONAL_OPERATIONAL while open). Once decided and carried
-- out, user_id and reason are cleared: nothing here links the person to the erasure afterwards.
CREATE TABLE erasure_request (
    id                  UUID          PRIMARY KEY,
    user_id             VARCHAR(64),
    reason              VARCHAR(2000),
    requested_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    decided_at          TIMESTAMP WITH TIME ZONE,
    decided_by          VARCHAR(64),
    refusal_ground      VARCHAR(50),
    refusal_text        VARCHAR(2000),
    process_instance_id VARCHAR(64),
    erasure_record_id   UUID
);
CREATE INDEX erasure_request_user ON erasure_request (user_id);
CREATE INDEX erasure_request_status ON erasure_request (status);

-- Accountability (GDPR art. 5(2)): that an erasure happened, when, on which grounds, who decided and how many rows
-- each module touched — never whom it erased (no user id, no pseudonym). Retention class: PROCUREMENT_RECORD.
CREATE TABLE erasure_record (
    id          UUID          PRIMARY KEY,
    erased_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    grounds     VARCHAR(50)   NOT NULL,
    decided_by  VARCHAR(64),
    counts_json VARCHAR(65535) NOT NULL
);
