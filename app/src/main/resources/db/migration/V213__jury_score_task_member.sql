-- Who each score task is for and when it opened (issue 19, slice scoretask2): the juror (the seat's member, the task's
-- assignee) and the opening time, written in the same batch as the row. With them the selection's records answer
-- what the score task's engine history answered (the juror's progress, which attachments they may open, their data
-- export), so the score task keeps no engine history (accelerator.history = none in challenge.bpmn). Rows written
-- before this version have no member: their score tasks keep their engine history (task-only), which readers use.
ALTER TABLE jury_score_task ADD COLUMN member VARCHAR(64);
ALTER TABLE jury_score_task ADD COLUMN opened_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX jury_score_task_member ON jury_score_task (member, challenge_id);
