-- Issue 15. One live application per company and challenge: active_company holds the company while the
-- application is not withdrawn (NULL afterwards, and NULLs never collide), so the database refuses a second
-- one even when two submissions race. On existing data only the latest live application keeps the marker.
ALTER TABLE application ADD COLUMN active_company VARCHAR(64);
UPDATE application a SET active_company = a.company_group
 WHERE a.status <> 'WITHDRAWN'
   AND NOT EXISTS (SELECT 1 FROM application b
                    WHERE b.challenge_id = a.challenge_id AND b.company_group = a.company_group
                      AND b.status <> 'WITHDRAWN'
                      AND (b.submitted_at > a.submitted_at OR (b.submitted_at = a.submitted_at AND b.id > a.id)));
ALTER TABLE application ADD CONSTRAINT application_one_per_company UNIQUE (challenge_id, active_company);

-- A juror's comment lives with the juror's marks (it used to be a process variable every later task could read).
ALTER TABLE jury_score ADD COLUMN score_comment VARCHAR(4000);

-- A conflict declaration names the applications it covered when it was made (ids, comma-separated) and when.
ALTER TABLE jury_seat ADD COLUMN declared_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE jury_seat ADD COLUMN declared_conflict BOOLEAN;
ALTER TABLE jury_seat ADD COLUMN covered_applications VARCHAR(40000);
