-- Mail notifications (retention class: PERSONAL_OPERATIONAL): one row per recipient and event,
-- written in the business transaction and sent afterwards by NotificationDispatcher (retry with
-- back-off). dedup_key makes the same event unable to create two rows; rows are deleted 90 days
-- after sending (they hold an e-mail address).
CREATE TABLE notification (
    id                UUID           PRIMARY KEY,
    dedup_key         VARCHAR(300)   NOT NULL,
    kind              VARCHAR(40)    NOT NULL,
    recipient_user_id VARCHAR(64)    NOT NULL,
    recipient_email   VARCHAR(254)   NOT NULL,
    language          VARCHAR(8)     NOT NULL,
    subject           VARCHAR(300)   NOT NULL,
    body              VARCHAR(8000)  NOT NULL,
    status            VARCHAR(16)    NOT NULL,
    attempts          INTEGER        NOT NULL,
    next_attempt_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until      TIMESTAMP WITH TIME ZONE,
    last_error        VARCHAR(1000),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at           TIMESTAMP WITH TIME ZONE,
    CONSTRAINT notification_dedup UNIQUE (dedup_key)
);
CREATE INDEX notification_due ON notification (status, next_attempt_at);
CREATE INDEX notification_recipient ON notification (recipient_user_id);

-- Optional notifications a user switched off (retention class: PERSONAL_ACCOUNT, deleted with the user).
CREATE TABLE notification_opt_out (
    user_id VARCHAR(64) NOT NULL,
    kind    VARCHAR(40) NOT NULL,
    PRIMARY KEY (user_id, kind)
);
