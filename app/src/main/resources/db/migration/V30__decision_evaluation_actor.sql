-- Who an evaluation was made for within its subject, e.g. the jury member whose scores were
-- weighted (a user id: personal data, so it lives in this one column and can be pseudonymised
-- here when the person's data is deleted; the applicant sees "jury member 1, 2, ..." instead).
ALTER TABLE decision_evaluation ADD COLUMN actor VARCHAR(100);
CREATE INDEX decision_evaluation_actor ON decision_evaluation (actor);
