-- Browsing the catalogue without words pages by name: an index keeps that a short index scan at
-- 1,000,000 solutions instead of a sort of the whole catalogue.
CREATE INDEX market_solution_name ON market_solution (name, id);
