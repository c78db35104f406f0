-- Issue 17: one stage for a challenge's whole life (ChallengeStage), kept in challenge.status by name.
-- "CLOSED" said "selection running" whatever came after; "ENDED" kept how it ended in a second column.
ALTER TABLE challenge ALTER COLUMN status SET DATA TYPE VARCHAR(40);

UPDATE challenge SET status = outcome WHERE status = 'ENDED' AND outcome IS NOT NULL;

-- a closed call is in its selection, contracting, pilot or evaluation: the challenge's own contract and
-- pilot (not a replication's) tell which
UPDATE challenge SET status = CASE
    WHEN EXISTS (SELECT 1 FROM pilot p WHERE p.challenge_id = challenge.id AND p.original_pilot_id IS NULL
                 AND p.status <> 'RUNNING') THEN 'EVALUATION'
    WHEN EXISTS (SELECT 1 FROM pilot p WHERE p.challenge_id = challenge.id AND p.original_pilot_id IS NULL) THEN 'PILOT_RUNNING'
    WHEN EXISTS (SELECT 1 FROM contract k WHERE k.challenge_id = challenge.id AND k.original_contract_id IS NULL) THEN 'CONTRACTING'
    ELSE 'SELECTION' END
WHERE status = 'CLOSED';

ALTER TABLE challenge DROP COLUMN outcome;
