-- Issue 18: call windows. window_opens_at/window_closes_at: the city's proposal (empty: when approved, and the
-- opening plus the bylaws' callWindow), fixed (and possibly amended) by the coordinator's approval; the
-- process's timers are set from them (timeDate), so retries and downtime never move them. When the call opens,
-- call_opens_at and call_closes_at (as before: set only once published) take them over; extensions and an
-- early closing move call_closes_at.
ALTER TABLE challenge ADD COLUMN window_opens_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE challenge ADD COLUMN window_closes_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE challenge ADD COLUMN call_opens_at TIMESTAMP WITH TIME ZONE;

-- A coordinator extended an open call or closed it early: who, when, why, the closing date before and after.
CREATE TABLE call_window_change (
    id              UUID          PRIMARY KEY,
    challenge_id    UUID          NOT NULL REFERENCES challenge (id),
    kind            VARCHAR(20)   NOT NULL,
    closes_before   TIMESTAMP WITH TIME ZONE NOT NULL,
    closes_after    TIMESTAMP WITH TIME ZONE NOT NULL,
    reason          VARCHAR(2000) NOT NULL,
    changed_by      VARCHAR(100)  NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX call_window_change_challenge ON call_window_change (challenge_id, changed_at);
