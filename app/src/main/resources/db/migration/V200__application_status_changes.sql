-- Issue 19 (slice appvars): an application's next status change takes its number from the application's row, which
-- each change updates anyway, instead of reading every earlier change first (one select per status change).
ALTER TABLE application ADD COLUMN status_changes INTEGER DEFAULT 0 NOT NULL;
UPDATE application SET status_changes = (SELECT COALESCE(MAX(c.seq) + 1, 0) FROM application_status_change c
    WHERE c.application_id = application.id);
