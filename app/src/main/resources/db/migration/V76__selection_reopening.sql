-- Issue 16: when the coordinator re-opens the scoring, the jury reads why on its next score tasks.
CREATE TABLE selection_reopening (
    id           UUID          PRIMARY KEY,
    challenge_id UUID          NOT NULL REFERENCES challenge (id),
    round        INTEGER       NOT NULL,
    remarks      VARCHAR(4000) NOT NULL,
    reopened_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX selection_reopening_challenge ON selection_reopening (challenge_id, round);
