-- Issue 24 point 5 (identity): when each account was last used. last_login_at is the last successful login (kept to
-- the hour: one write per login at most, none for the repeated logins of an HTTP Basic client); active_since is when
-- the account was first seen (created, or found by the first run after this table existed) or last reactivated.
-- An account is inactive since the later of the two.
CREATE TABLE account_activity (
    user_id        VARCHAR(64) PRIMARY KEY,
    last_login_at  TIMESTAMP WITH TIME ZONE,
    active_since   TIMESTAMP WITH TIME ZONE NOT NULL
);
