-- Every time the coordinator sent a challenge back, what they asked for: the approval and revision
-- pages show the whole history (the challenge row keeps only the latest remarks).
CREATE TABLE challenge_remark (
    id              UUID          PRIMARY KEY,
    challenge_id    UUID          NOT NULL REFERENCES challenge (id),
    remarks         VARCHAR(4000) NOT NULL,
    sent_back_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX challenge_remark_challenge ON challenge_remark (challenge_id, sent_back_at);
