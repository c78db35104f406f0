-- A pilot knows the contract it delivers: its OCDS implementation releases belong to that contract,
-- and a replication's contract links to the original contract through it.
ALTER TABLE pilot ADD COLUMN contract_id UUID;
