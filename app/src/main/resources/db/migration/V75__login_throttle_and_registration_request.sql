-- Failed logins per account and per client address (identity.internal.LoginThrottle). In the database, so
-- that every node sees the same counters. A row is forgotten some time after its last failure (it holds a
-- user id or an address: retention class PERSONAL_OPERATIONAL, hours).
CREATE TABLE login_throttle (
    throttle_key    VARCHAR(200) PRIMARY KEY,
    failures        INTEGER      NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX login_throttle_last_failure ON login_throttle (last_failure_at);

-- A company registration waiting for its confirmation link (identity.internal.CompanyRegistration). Only the
-- SHA-256 of the mailed token is kept; the row is deleted when confirmed or expired (retention class
-- PERSONAL_OPERATIONAL, one day).
CREATE TABLE registration_request (
    token_sha256      CHAR(64)     PRIMARY KEY,
    organisation_name VARCHAR(120) NOT NULL,
    user_id           VARCHAR(40)  NOT NULL,
    first_name        VARCHAR(60)  NOT NULL,
    last_name         VARCHAR(60)  NOT NULL,
    email             VARCHAR(200) NOT NULL,
    language          VARCHAR(8)   NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX registration_request_expires ON registration_request (expires_at);
