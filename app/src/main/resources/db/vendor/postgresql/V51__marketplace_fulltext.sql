-- PostgreSQL full-text search over the catalogue: a stored tsvector derived from search_text
-- ('simple' configuration: the catalogue mixes English, Dutch and French, so no language's
-- stemmer is applied; queries match word prefixes instead) and a GIN index on it.
ALTER TABLE market_solution
    ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED;
CREATE INDEX market_solution_fts ON market_solution USING GIN (search_vector);
