-- Contracts, pilots and evaluations (retention class: PROCUREMENT_RECORD). People appear only as
-- user ids of the officers who accepted or declined (needed for the audit of a signature).
CREATE TABLE contract (
    id                    UUID          PRIMARY KEY,
    challenge_id          UUID          NOT NULL,
    application_id        UUID          NOT NULL,
    original_contract_id  UUID,
    city_group            VARCHAR(64)   NOT NULL,
    company_group         VARCHAR(64)   NOT NULL,
    status                VARCHAR(20)   NOT NULL,
    negotiation_rounds    INTEGER       NOT NULL,
    requested_changes     VARCHAR(4000),
    agreed_changes        VARCHAR(4000),
    company_accepted_by   VARCHAR(64),
    company_accepted_at   TIMESTAMP WITH TIME ZONE,
    city_accepted_by      VARCHAR(64),
    city_accepted_at      TIMESTAMP WITH TIME ZONE,
    declined_by           VARCHAR(64),
    decline_reason        VARCHAR(2000)
);

CREATE TABLE pilot (
    id                 UUID          PRIMARY KEY,
    challenge_id       UUID          NOT NULL,
    application_id     UUID          NOT NULL,
    original_pilot_id  UUID,
    city_group         VARCHAR(64)   NOT NULL,
    company_group      VARCHAR(64)   NOT NULL,
    status             VARCHAR(20)   NOT NULL,
    milestones_done    INTEGER       NOT NULL,
    reminders_sent     INTEGER       NOT NULL,
    last_report        VARCHAR(4000)
);

CREATE TABLE evaluation (
    id                 UUID          PRIMARY KEY,
    pilot_id           UUID          NOT NULL,
    challenge_id       UUID          NOT NULL,
    city_group         VARCHAR(64)   NOT NULL,
    kpi_name           VARCHAR(200),
    kpi_target         DOUBLE PRECISION,
    kpi_result         DOUBLE PRECISION,
    survey_score       DOUBLE PRECISION,
    measured_score     DOUBLE PRECISION,
    evidence_gap       DOUBLE PRECISION,
    verdict            VARCHAR(20),
    published_at       TIMESTAMP WITH TIME ZONE
);
