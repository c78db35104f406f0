-- Catalogue search at 1,000,000 solutions (issue 19 point 5): the catalogue in 16 hash partitions by id, so that the
-- search's LIMIT bounds the index work as well as the heap reads. A search with words reads at most cap + 1 matches
-- (CatalogueSearch); over one table GIN first builds the bitmap of EVERY match of the words (21,352 rows for 'parking &
-- sensor' at 1,000,000: 90-110 ms of 145-175 ms, measured under load) and the LIMIT only stops the heap scan after it.
-- Over partitions the plan is an Append of one bitmap scan per partition, run one after the other: the LIMIT stops it
-- in the first partition that completes the cap (1/16 of the catalogue, 1,291 entries, < 1 ms), and the partitions
-- after it are never executed. Hash by id: each partition is a uniform sample of the catalogue (partitions by domain
-- would fill a capped search with the first domain's solutions). A narrow search (fewer matches than the cap) reads all
-- 16 small indexes, about the work of one big one. See the search section of docs/performance.md.
-- The table is rebuilt: same columns (LIKE copies the generated ones), same indexes, every foreign key re-pointed.
CREATE TEMPORARY TABLE market_solution_fk AS
    SELECT conrelid::regclass::text AS tab, conname AS name, pg_get_constraintdef(oid) AS def
    FROM pg_constraint WHERE contype = 'f' AND confrelid = 'market_solution'::regclass;
DO $$
DECLARE fk record;
BEGIN
    FOR fk IN SELECT * FROM market_solution_fk LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.tab, fk.name);
    END LOOP;
END $$;
ALTER TABLE market_solution RENAME TO market_solution_unpartitioned;
ALTER INDEX market_solution_pkey RENAME TO market_solution_unpartitioned_pkey;
ALTER INDEX market_solution_domain RENAME TO market_solution_unpartitioned_domain;
ALTER INDEX market_solution_supplier RENAME TO market_solution_unpartitioned_supplier;
ALTER INDEX market_solution_name RENAME TO market_solution_unpartitioned_name;
ALTER INDEX market_solution_prefix RENAME TO market_solution_unpartitioned_prefix;
CREATE TABLE market_solution (LIKE market_solution_unpartitioned INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING CONSTRAINTS)
    PARTITION BY HASH (id);
DO $$
BEGIN
    FOR i IN 0..15 LOOP
        EXECUTE format('CREATE TABLE market_solution_p%s PARTITION OF market_solution FOR VALUES WITH (MODULUS 16, REMAINDER %s)', i, i);
    END LOOP;
END $$;
DO $$
DECLARE cols text;
BEGIN
    SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) INTO cols
    FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = 'market_solution_unpartitioned' AND is_generated = 'NEVER';
    EXECUTE format('INSERT INTO market_solution (%s) SELECT %s FROM market_solution_unpartitioned', cols, cols);
END $$;
ALTER TABLE market_solution ADD PRIMARY KEY (id);
CREATE INDEX market_solution_domain ON market_solution (domain, price_model);
CREATE INDEX market_solution_supplier ON market_solution (supplier_group);
CREATE INDEX market_solution_name ON market_solution (name, id);
CREATE INDEX market_solution_prefix ON market_solution USING GIN (search_prefixes);
DO $$
DECLARE fk record;
BEGIN
    FOR fk IN SELECT * FROM market_solution_fk LOOP
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', fk.tab, fk.name, fk.def);
    END LOOP;
END $$;
DROP TABLE market_solution_unpartitioned;
DROP TABLE market_solution_fk;
ANALYZE market_solution;
