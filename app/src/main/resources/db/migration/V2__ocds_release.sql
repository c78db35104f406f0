-- Published OCDS releases (retention class: PUBLIC_RECORD). Immutable once written; never holds
-- personal data of natural persons.
CREATE TABLE ocds_release (
    id            UUID          PRIMARY KEY,
    ocid          VARCHAR(100)  NOT NULL,
    release_id    VARCHAR(150)  NOT NULL UNIQUE,
    tag           VARCHAR(40)   NOT NULL,
    release_date  TIMESTAMP WITH TIME ZONE NOT NULL,
    release_json  VARCHAR(200000) NOT NULL
);
CREATE INDEX ocds_release_ocid ON ocds_release (ocid, release_date);
CREATE INDEX ocds_release_date ON ocds_release (release_date, release_id);
