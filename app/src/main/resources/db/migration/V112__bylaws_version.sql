-- Bylaws versions kept in the portal (issue 18): seeded from the bylaws/ folder, drafted and published by
-- coordinators. A published version never changes (enforced by the application); cycles keep their own pinned copy.
CREATE TABLE bylaws_version (
    version               VARCHAR(50)     PRIMARY KEY,
    based_on              VARCHAR(50),
    status                VARCHAR(20)     NOT NULL,
    rules_yaml            VARCHAR(20000)  NOT NULL,
    bylaws_md             VARCHAR(200000) NOT NULL,
    contract_template_md  VARCHAR(200000),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by            VARCHAR(100),
    published_at          TIMESTAMP WITH TIME ZONE,
    published_by          VARCHAR(100)
);
