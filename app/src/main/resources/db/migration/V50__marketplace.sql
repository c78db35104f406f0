-- Marketplace (issue 7). Retention: solutions, implementations, frameworks and documents are
-- PUBLIC_RECORD (kept while listed); reviews name a city and the officer's user id (kept for
-- attribution, deletable with the user); demand counts hold no person at all.
CREATE TABLE market_solution (
    id                 UUID          PRIMARY KEY,
    supplier_group     VARCHAR(64)   NOT NULL,
    name               VARCHAR(200)  NOT NULL,
    domain             VARCHAR(40)   NOT NULL,
    description        VARCHAR(4000) NOT NULL,
    trl                INTEGER       NOT NULL,
    price_model        VARCHAR(40)   NOT NULL,
    indicative_cost    NUMERIC(12,2) NOT NULL,
    min_population     BIGINT        NOT NULL,
    needs_city_data    BOOLEAN       NOT NULL,
    procurement_route  VARCHAR(40)   NOT NULL,
    standards          VARCHAR(400),
    data_hosting       VARCHAR(400),
    gdpr               VARCHAR(1000),
    languages          VARCHAR(100),
    reference_list     VARCHAR(2000),
    -- lower-cased name, description, standards and supplier: H2 searches it with LIKE, PostgreSQL
    -- derives its tsvector from it (db/vendor/postgresql)
    search_text        VARCHAR(8000) NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX market_solution_domain ON market_solution (domain, price_model);
CREATE INDEX market_solution_supplier ON market_solution (supplier_group);

CREATE TABLE market_implementation (
    id              UUID          PRIMARY KEY,
    solution_id     UUID          NOT NULL REFERENCES market_solution (id),
    city_group      VARCHAR(64)   NOT NULL,
    source          VARCHAR(20)   NOT NULL,
    summary         VARCHAR(2000),
    started_year    INTEGER,
    pilot_id        UUID,
    challenge_id    UUID,
    evaluation_id   UUID          UNIQUE,
    kpi_name        VARCHAR(200),
    kpi_target      DOUBLE PRECISION,
    kpi_result      DOUBLE PRECISION,
    survey_score    DOUBLE PRECISION,
    measured_score  DOUBLE PRECISION,
    verdict         VARCHAR(20),
    evaluated_at    TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX market_implementation_solution ON market_implementation (solution_id);

CREATE TABLE market_review (
    id                 UUID          PRIMARY KEY,
    implementation_id  UUID          NOT NULL REFERENCES market_implementation (id),
    city_group         VARCHAR(64)   NOT NULL,
    author             VARCHAR(64)   NOT NULL,
    rating             INTEGER       NOT NULL,
    comment_text       VARCHAR(2000) NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX market_review_implementation ON market_review (implementation_id);

CREATE TABLE market_framework (
    id               UUID          PRIMARY KEY,
    title            VARCHAR(200)  NOT NULL,
    authority_group  VARCHAR(64)   NOT NULL,
    domain           VARCHAR(40)   NOT NULL,
    description      VARCHAR(4000),
    valid_from       DATE          NOT NULL,
    valid_until      DATE          NOT NULL,
    open_to_all      BOOLEAN       NOT NULL,
    registered_by    VARCHAR(64)   NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE market_framework_lot (
    framework_id  UUID          NOT NULL REFERENCES market_framework (id),
    lot_no        INTEGER       NOT NULL,
    lot           VARCHAR(400)  NOT NULL,
    PRIMARY KEY (framework_id, lot_no)
);
CREATE TABLE market_framework_supplier (
    framework_id    UUID         NOT NULL REFERENCES market_framework (id),
    supplier_group  VARCHAR(64)  NOT NULL,
    PRIMARY KEY (framework_id, supplier_group)
);
CREATE TABLE market_framework_solution (
    framework_id  UUID  NOT NULL REFERENCES market_framework (id),
    solution_id   UUID  NOT NULL,
    PRIMARY KEY (framework_id, solution_id)
);
CREATE TABLE market_framework_authority (
    framework_id  UUID         NOT NULL REFERENCES market_framework (id),
    city_group    VARCHAR(64)  NOT NULL,
    PRIMARY KEY (framework_id, city_group)
);

CREATE TABLE market_join_request (
    id                   UUID          PRIMARY KEY,
    framework_id         UUID          NOT NULL REFERENCES market_framework (id),
    city_group           VARCHAR(64)   NOT NULL,
    requested_by         VARCHAR(64)   NOT NULL,
    status               VARCHAR(20)   NOT NULL,
    remarks              VARCHAR(2000),
    decided_by           VARCHAR(64),
    process_instance_id  VARCHAR(64),
    requested_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at           TIMESTAMP WITH TIME ZONE
);
CREATE INDEX market_join_request_framework ON market_join_request (framework_id);

CREATE TABLE market_document (
    id            UUID           PRIMARY KEY,
    title         VARCHAR(200)   NOT NULL,
    kind          VARCHAR(20)    NOT NULL,
    domain        VARCHAR(40)    NOT NULL,
    city_group    VARCHAR(64)    NOT NULL,
    challenge_id  UUID,
    framework_id  UUID           REFERENCES market_framework (id),
    body          VARCHAR(20000) NOT NULL,
    search_text   VARCHAR(20400) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE market_replication (
    id                   UUID          PRIMARY KEY,
    implementation_id    UUID          NOT NULL REFERENCES market_implementation (id),
    city_group           VARCHAR(64)   NOT NULL,
    requested_by         VARCHAR(64)   NOT NULL,
    process_instance_id  VARCHAR(64)   NOT NULL,
    requested_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What cities look for, counted: one row per search, never who searched (no user, no address).
CREATE TABLE market_demand (
    id         UUID          PRIMARY KEY,
    counted_on DATE          NOT NULL,
    kind       VARCHAR(20)   NOT NULL,
    term       VARCHAR(100)  NOT NULL
);
CREATE INDEX market_demand_kind ON market_demand (kind, term);
