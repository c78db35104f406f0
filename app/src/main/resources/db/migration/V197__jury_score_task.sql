-- Which application each score task is for (issue 19, slice scoretask): the score task's multi-instance element,
-- kept here instead of a process variable (act_ru_variable, act_hi_varinst, act_hi_detail per task). One row per
-- instance of UserTask_ScoreApplication, keyed by the instance's execution (the task's execution id), written in one
-- batch when a juror's declaration opens the seat's score tasks. Score tasks opened before this version keep their
-- stored variable and have no row.
CREATE TABLE jury_score_task (
    execution_id    VARCHAR(64)   PRIMARY KEY,
    challenge_id    UUID          NOT NULL,
    application_id  UUID          NOT NULL,
    round           INTEGER       NOT NULL
);
