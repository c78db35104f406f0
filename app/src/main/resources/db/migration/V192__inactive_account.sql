-- Issue 24 point 5 (privacy): accounts warned for inactivity, then deactivated by the inactive-accounts job. A row
-- goes when the person logs in again (or is reactivated) or when the account is erased.
CREATE TABLE inactive_account (
    user_id         VARCHAR(64) PRIMARY KEY,
    warned_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    deactivated_at  TIMESTAMP WITH TIME ZONE
);
