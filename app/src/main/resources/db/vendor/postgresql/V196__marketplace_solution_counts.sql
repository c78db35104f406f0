-- Browsing the catalogue without words (issue 19 point 5): the page by name is an index walk that stops after 20 rows,
-- but the domain and price-model facets (and with them the total) counted every solution: two index-only scans of the
-- whole catalogue per page view (100,000 entries each at 100,000 solutions, 1,000,000 at 1,000,000). The counts per
-- (domain, price model) are kept here instead, at most one row per pair (11 x 5 today), so a facet reads that table, not
-- the catalogue; CatalogueSearch uses it for a browse without a supplier filter. Statement-level triggers with
-- transition tables keep it equal to the catalogue whoever writes, one upsert per pair and statement (a bulk load of
-- 1,000,000 rows adds one aggregate, not 1,000,000 upserts); a statement locks its pairs' rows in key order. See the
-- search section of docs/performance.md.
CREATE TABLE market_solution_count (
    domain       VARCHAR(40) NOT NULL,
    price_model  VARCHAR(40) NOT NULL,
    solutions    BIGINT      NOT NULL CHECK (solutions > 0),
    PRIMARY KEY (domain, price_model)
);
CREATE FUNCTION market_solution_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    pair record;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM market_solution_count;
        RETURN NULL;
    END IF;
    -- the changes per pair of this statement: +1 per new row, -1 per old row (an update that keeps both cancels out)
    IF to_regclass('pg_temp.market_solution_count_delta') IS NULL THEN
        CREATE TEMPORARY TABLE market_solution_count_delta (domain VARCHAR(40), price_model VARCHAR(40), n BIGINT) ON COMMIT DROP;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO market_solution_count_delta SELECT domain, price_model, 1 FROM new_rows;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        INSERT INTO market_solution_count_delta SELECT domain, price_model, -1 FROM old_rows;
    END IF;
    -- one pair after the other in key order, so two writers lock the rows they share in the same order
    FOR pair IN SELECT domain, price_model, SUM(n) AS n FROM market_solution_count_delta
            GROUP BY domain, price_model HAVING SUM(n) <> 0 ORDER BY domain, price_model LOOP
        IF pair.n > 0 THEN
            INSERT INTO market_solution_count AS c (domain, price_model, solutions) VALUES (pair.domain, pair.price_model, pair.n)
                ON CONFLICT (domain, price_model) DO UPDATE SET solutions = c.solutions + EXCLUDED.solutions;
        ELSE
            UPDATE market_solution_count SET solutions = solutions + pair.n
                WHERE domain = pair.domain AND price_model = pair.price_model AND solutions + pair.n > 0;
            IF NOT FOUND THEN -- the pair's last solutions went
                DELETE FROM market_solution_count WHERE domain = pair.domain AND price_model = pair.price_model;
            END IF;
        END IF;
    END LOOP;
    DELETE FROM market_solution_count_delta;
    RETURN NULL;
END $$;
CREATE TRIGGER market_solution_count_insert AFTER INSERT ON market_solution
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION market_solution_count_change();
CREATE TRIGGER market_solution_count_update AFTER UPDATE ON market_solution
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION market_solution_count_change();
CREATE TRIGGER market_solution_count_delete AFTER DELETE ON market_solution
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION market_solution_count_change();
CREATE TRIGGER market_solution_count_truncate AFTER TRUNCATE ON market_solution
    FOR EACH STATEMENT EXECUTE FUNCTION market_solution_count_change();
-- the solutions already there
INSERT INTO market_solution_count (domain, price_model, solutions)
    SELECT domain, price_model, COUNT(*) FROM market_solution GROUP BY domain, price_model;
