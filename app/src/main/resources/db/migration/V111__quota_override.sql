-- Issue 18: a coordinator approved a selection beyond a quota of the bylaws (pilotsPerCity), where the
-- bylaws allow it: who, when, why, and the figures at that moment. Shown on the challenge's pages.
CREATE TABLE quota_override (
    id             UUID          PRIMARY KEY,
    challenge_id   UUID          NOT NULL REFERENCES challenge (id),
    cycle_id       UUID          NOT NULL,
    city_group     VARCHAR(100)  NOT NULL,
    rule           VARCHAR(50)   NOT NULL,
    quota_limit    INTEGER       NOT NULL,
    already_held   INTEGER       NOT NULL,
    reason         VARCHAR(2000) NOT NULL,
    overridden_by  VARCHAR(100)  NOT NULL,
    overridden_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX quota_override_challenge ON quota_override (challenge_id, overridden_at);
