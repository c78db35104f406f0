-- Issue 20, one database for all nodes.
-- ShedLock: a scheduled job that does cluster-wide work holds its row here while it runs (@SchedulerLock),
-- so it runs on one node at a time; times are the database's (usingDbTime), not each node's clock.
CREATE TABLE shedlock (
    name VARCHAR(64) NOT NULL,
    lock_until TIMESTAMP NOT NULL,
    locked_at TIMESTAMP NOT NULL,
    locked_by VARCHAR(255) NOT NULL,
    CONSTRAINT shedlock_pk PRIMARY KEY (name)
);

-- Bucket4j's PostgreSQL proxy manager: one token bucket per client of /api/** (state is Bucket4j's own
-- encoding; expires_at in epoch milliseconds, when a full bucket may be forgotten). Used on PostgreSQL only:
-- on H2 (one node by definition) the buckets stay in memory and this table is empty.
CREATE TABLE api_rate_limit_bucket (
    id VARCHAR(200) NOT NULL,
    state BYTEA,
    expires_at BIGINT,
    CONSTRAINT api_rate_limit_bucket_pk PRIMARY KEY (id)
);
CREATE INDEX api_rate_limit_bucket_expires ON api_rate_limit_bucket (expires_at);
