-- Issue 18, point 4 (people): a coordinator invites a city officer (for a city) or a jury member (into a cycle's
-- jury pool). Only the SHA-256 of the mailed token is kept; a row stays after use as the invitation's record
-- (accepted, revoked or expired), its token hash cleared once used or revoked.
CREATE TABLE invitation (
    id               UUID         PRIMARY KEY,
    token_sha256     CHAR(64),
    role             VARCHAR(20)  NOT NULL,
    email            VARCHAR(200) NOT NULL,
    language         VARCHAR(8)   NOT NULL,
    city_group       VARCHAR(100),
    cycle_id         UUID,
    languages        VARCHAR(20),
    expertise        VARCHAR(500),
    invited_by       VARCHAR(64)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    accepted_at      TIMESTAMP WITH TIME ZONE,
    accepted_user_id VARCHAR(64),
    revoked_at       TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX invitation_token ON invitation (token_sha256);
CREATE INDEX invitation_created ON invitation (created_at);

-- A cycle's jury pool: who may be seated on its challenges' juries, in which languages (en/nl/fr, comma
-- separated) and with which expertise keywords. Seats are drawn from here (selection's JuryPanel).
CREATE TABLE jury_pool_member (
    cycle_id   UUID         NOT NULL,
    user_id    VARCHAR(64)  NOT NULL,
    languages  VARCHAR(20)  NOT NULL,
    expertise  VARCHAR(500) NOT NULL,
    added_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (cycle_id, user_id)
);

-- A deactivated account cannot log in (Camunda users have no such flag); deleting the row reactivates it.
CREATE TABLE account_deactivation (
    user_id         VARCHAR(64) PRIMARY KEY,
    deactivated_by  VARCHAR(64) NOT NULL,
    deactivated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
