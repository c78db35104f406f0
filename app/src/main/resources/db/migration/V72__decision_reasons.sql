-- Why the city stopped a pilot early: the company sees it next to its application.
ALTER TABLE pilot ADD COLUMN stop_reason VARCHAR(2000);
-- Why the coordinator sent a contract back as not compliant: the company sees it on the contract page.
ALTER TABLE contract ADD COLUMN compliance_remarks VARCHAR(2000);
-- Why the supplier declined a city's replication request: the city sees it on the solution page.
ALTER TABLE market_replication ADD COLUMN supplier_decline_reason VARCHAR(2000);
