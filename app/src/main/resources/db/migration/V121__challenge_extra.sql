-- What a city funds beside the pilot (equipment, data access, other), outside the pilot budget and its cap:
-- shown on the challenge, as a separate budget line of the contract, and as tender items in OCDS.
CREATE TABLE challenge_extra (
    id              UUID          PRIMARY KEY,
    challenge_id    UUID          NOT NULL REFERENCES challenge (id),
    position        INTEGER       NOT NULL,
    kind            VARCHAR(20)   NOT NULL,
    description     VARCHAR(200)  NOT NULL,
    amount          NUMERIC(12,2) NOT NULL,
    CONSTRAINT challenge_extra_line UNIQUE (challenge_id, position),
    CONSTRAINT challenge_extra_positive CHECK (amount > 0)
);
