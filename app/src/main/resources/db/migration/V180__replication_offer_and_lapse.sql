-- Issue 23.6: a "replicate" verdict offers the evaluated pilot to other cities (the marketplace shows the offer);
-- a replication request the supplier let lapse says so on the marketplace record (and gives up its running key).
ALTER TABLE market_implementation ADD COLUMN offered_for_replication_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE market_replication ADD COLUMN lapsed_at TIMESTAMP WITH TIME ZONE;
