-- Issue 20: one running replication per implementation and city, enforced by the database (two officers
-- clicking at once on two nodes). H2 and PostgreSQL share no partial unique index, so a nullable key
-- "<implementation id>:<city group>" is set while the replication runs and cleared once it has ended (NULLs never
-- collide). Replications started before this migration have none; ReplicationStarter still checks those.
ALTER TABLE market_replication ADD COLUMN running_key VARCHAR(120);
ALTER TABLE market_replication ADD CONSTRAINT market_replication_running UNIQUE (running_key);
