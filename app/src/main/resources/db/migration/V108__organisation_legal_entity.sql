-- Legal-entity status is part of a company's registration (issue 18 point 5): asked on /register, kept with the
-- pending request until the link is followed, then with the organisation. The eligibility table reads it.
ALTER TABLE registration_request ADD COLUMN legal_entity BOOLEAN;
ALTER TABLE registration_request ADD COLUMN registration_number VARCHAR(40);

CREATE TABLE organisation_profile (
    group_id            VARCHAR(64) PRIMARY KEY,
    legal_entity        BOOLEAN     NOT NULL,
    registration_number VARCHAR(40)
);
