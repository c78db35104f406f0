-- Audit trail of every decision evaluation (retention class: PROCUREMENT_RECORD).
-- Inputs hold ids and scores, never personal data of natural persons.
CREATE TABLE decision_evaluation (
    id                  UUID          PRIMARY KEY,
    decision_key        VARCHAR(100)  NOT NULL,
    decision_version    INTEGER       NOT NULL,
    subject_type        VARCHAR(50),
    subject_id          VARCHAR(100),
    process_instance_id VARCHAR(64),
    inputs_json         VARCHAR(65535) NOT NULL,
    matched_rules_json  VARCHAR(65535) NOT NULL,
    outputs_json        VARCHAR(65535) NOT NULL,
    evaluated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX decision_evaluation_subject ON decision_evaluation (subject_type, subject_id);
CREATE INDEX decision_evaluation_process ON decision_evaluation (process_instance_id);
