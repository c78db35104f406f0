-- Issue 17: the application's status follows its contract and pilot (ApplicationStatus), and every change
-- is kept with its time for the company's timeline.
CREATE TABLE application_status_change (
    application_id  UUID          NOT NULL REFERENCES application (id),
    seq             INTEGER       NOT NULL,
    status          VARCHAR(30)   NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (application_id, seq)
);

-- the application's own contract (not a replication's) tells what "contracting" and "not signed" became
UPDATE application SET status = 'COMPANY_SIGNED'
WHERE status = 'CONTRACTING' AND EXISTS (SELECT 1 FROM contract k WHERE k.application_id = application.id
    AND k.original_contract_id IS NULL AND k.status = 'SIGNED_BY_COMPANY');
UPDATE application SET status = CASE
    WHEN EXISTS (SELECT 1 FROM contract k WHERE k.application_id = application.id
        AND k.original_contract_id IS NULL AND k.status = 'DECLINED') THEN 'CONTRACT_DECLINED'
    ELSE 'CONTRACT_EXPIRED' END
WHERE status = 'CONTRACT_NOT_SIGNED';
UPDATE application SET status = 'CONTRACTING' WHERE status = 'SELECTED';

-- what is known of earlier applications: when they were submitted, and their status now (time unknown)
INSERT INTO application_status_change (application_id, seq, status, changed_at)
    SELECT id, 0, 'SUBMITTED', submitted_at FROM application;
INSERT INTO application_status_change (application_id, seq, status, changed_at)
    SELECT id, 1, status, NULL FROM application WHERE status <> 'SUBMITTED';
