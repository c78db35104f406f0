-- Browsing the catalogue without words (issue 19 point 5): the page by name is an index walk that stops after 20 rows,
-- but the domain and price-model facets (and with them the total) counted every solution: two index-only scans of the
-- whole catalogue per page view (100,000 entries each at 100,000 solutions, 1,000,000 at 1,000,000). The counts per
-- (domain, price model) are kept here instead, at most one row per pair (11 x 5 today), so a facet reads that table, not
-- the catalogue; CatalogueSearch uses it for a browse without a supplier filter. Statement-level triggers with
-- transition tables keep it equal to the catalogue whoever writes, one upsert per pair and statement (a bulk load of
-- 1,000,000 rows adds one aggregate, not 1,000,000 upserts); the upserts lock their rows in key order, so concurrent
-- writers wait instead of deadlocking. See the search section of docs/performance.md.
CREATE TABLE market_solution_count (
    domain       VARCHAR(40) NOT NULL,
    price_model  VARCHAR(40) NOT NULL,
    solutions    BIGINT      NOT NULL CHECK (solutions > 0),
    PRIMARY KEY (domain, price_model)
);
CREATE FUNCTION market_solution_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
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
    INSERT INTO market_solution_count AS c (domain, price_model, solutions)
        SELECT domain, price_model, SUM(n) FROM market_solution_count_delta
        GROUP BY domain, price_model HAVING SUM(n) > 0 ORDER BY domain, price_model
        ON CONFLICT (domain, price_model) DO UPDATE SET solutions = c.solutions + EXCLUDED.solutions;
    -- decrements of pairs that lost solutions, in key order; a pair left without solutions goes
    UPDATE market_solution_count c SET solutions = c.solutions + d.n
        FROM (SELECT domain, price_model, SUM(n) AS n FROM market_solution_count_delta
              GROUP BY domain, price_model HAVING SUM(n) < 0) d
        WHERE c.domain = d.domain AND c.price_model = d.price_model AND c.solutions + d.n > 0;
    DELETE FROM market_solution_count c USING (SELECT domain, price_model, SUM(n) AS n FROM market_solution_count_delta
              GROUP BY domain, price_model HAVING SUM(n) < 0) d
        WHERE c.domain = d.domain AND c.price_model = d.price_model AND c.solutions + d.n <= 0;
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
