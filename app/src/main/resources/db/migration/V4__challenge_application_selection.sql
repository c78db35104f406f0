-- Challenges, applications and the jury's work (retention class: PROCUREMENT_RECORD).
-- Organisations are referenced by their group id; jury members by user id only.
CREATE TABLE challenge (
    id                  UUID          PRIMARY KEY,
    cycle_id            UUID          NOT NULL REFERENCES cycle (id),
    city_group          VARCHAR(64)   NOT NULL,
    title               VARCHAR(200)  NOT NULL,
    problem             VARCHAR(4000) NOT NULL,
    open_datasets       VARCHAR(2000),
    budget_cap          NUMERIC(12,2) NOT NULL,
    kpis                VARCHAR(2000),
    languages           VARCHAR(100),
    min_trl             INTEGER       NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    outcome             VARCHAR(40),
    remarks             VARCHAR(2000),
    call_closes_at      TIMESTAMP WITH TIME ZONE,
    process_instance_id VARCHAR(64)
);
CREATE INDEX challenge_city ON challenge (city_group);

CREATE TABLE application (
    id                    UUID          PRIMARY KEY,
    challenge_id          UUID          NOT NULL REFERENCES challenge (id),
    company_group         VARCHAR(64)   NOT NULL,
    solution_title        VARCHAR(200)  NOT NULL,
    pitch                 VARCHAR(4000) NOT NULL,
    requested_budget      NUMERIC(12,2) NOT NULL,
    trl                   INTEGER       NOT NULL,
    legal_entity          BOOLEAN       NOT NULL,
    country               VARCHAR(2)    NOT NULL,
    employees             INTEGER       NOT NULL,
    interoperable         BOOLEAN       NOT NULL,
    declarations_signed   BOOLEAN       NOT NULL,
    submitted_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    status                VARCHAR(30)   NOT NULL,
    ineligibility_reasons VARCHAR(4000)
);
CREATE INDEX application_challenge ON application (challenge_id, status);
CREATE INDEX application_company ON application (company_group);

CREATE TABLE jury_seat (
    id              UUID          PRIMARY KEY,
    challenge_id    UUID          NOT NULL REFERENCES challenge (id),
    seat_no         INTEGER       NOT NULL,
    member          VARCHAR(64)   NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    conflict_reason VARCHAR(1000),
    CONSTRAINT jury_seat_member UNIQUE (challenge_id, member)
);

CREATE TABLE jury_score (
    id              UUID          PRIMARY KEY,
    challenge_id    UUID          NOT NULL REFERENCES challenge (id),
    application_id  UUID          NOT NULL REFERENCES application (id),
    member          VARCHAR(64)   NOT NULL,
    round           INTEGER       NOT NULL,
    fit             INTEGER       NOT NULL,
    innovation      INTEGER       NOT NULL,
    team            INTEGER       NOT NULL,
    price           INTEGER       NOT NULL,
    replicability   INTEGER       NOT NULL,
    open_data_use   INTEGER       NOT NULL,
    weighted_score  DOUBLE PRECISION NOT NULL,
    decision_version INTEGER      NOT NULL,
    scored_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- one score per member, application and round: a second concurrent submission fails cleanly
    CONSTRAINT jury_score_once UNIQUE (challenge_id, application_id, member, round)
);

CREATE TABLE ranking_entry (
    id              UUID          PRIMARY KEY,
    challenge_id    UUID          NOT NULL REFERENCES challenge (id),
    round           INTEGER       NOT NULL,
    application_id  UUID          NOT NULL REFERENCES application (id),
    rank            INTEGER       NOT NULL,
    average_score   DOUBLE PRECISION NOT NULL,
    average_innovation DOUBLE PRECISION NOT NULL,
    scorings        INTEGER       NOT NULL,
    CONSTRAINT ranking_once UNIQUE (challenge_id, round, application_id)
);
