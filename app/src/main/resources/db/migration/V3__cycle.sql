-- Accelerator cycles with the copy of the bylaws they opened with (retention: PROCUREMENT_RECORD).
CREATE TABLE cycle (
    id              UUID          PRIMARY KEY,
    name            VARCHAR(200)  NOT NULL,
    bylaws_version  VARCHAR(50)   NOT NULL,
    rules_json      VARCHAR(20000) NOT NULL,
    rules_sha256    VARCHAR(64)   NOT NULL,
    opened_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(20)   NOT NULL
);
