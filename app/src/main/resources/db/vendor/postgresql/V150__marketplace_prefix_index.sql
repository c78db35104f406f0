-- Catalogue search without GIN partial matches (issue 19 point 5). A query word matches as a word
-- prefix ('parking:*'); GIN answers a prefix by collecting the postings of every lexeme that starts
-- with it into one bitmap first, and that bitmap, not the heap, was the cost at 1,000,000 solutions
-- (130-330 ms for 'parking:* & sensor:*', often lossy). search_prefixes holds every prefix (2 to 32
-- characters) of every lexeme of search_text as a lexeme of its own, so a word is one exact GIN
-- entry ('parking' & 'sensor'): no partial match, and GIN's fast scan skips through the longer
-- posting list with the shorter one. Stored (not an expression index) so that a heap recheck is a
-- cheap tsvector match rather than this function again. CatalogueSearch still applies the original
-- prefix query to search_vector (which also ranks), so the results are those of before; see the
-- search section of docs/performance.md.
CREATE FUNCTION market_search_prefixes(text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT array_to_tsvector(ARRAY(SELECT left(l, n)
    FROM unnest(tsvector_to_array(to_tsvector('simple'::regconfig, $1))) AS l, generate_series(2, least(length(l), 32)) AS n))
$$;
-- The domain and the price model are lexemes of it too ('=domain=parking', '=price=licence': the
-- parser never makes a lexeme with '='), so a filtered search is one GIN intersection instead of a
-- btree bitmap of the whole domain ANDed with the words' bitmap.
ALTER TABLE market_solution
    ADD COLUMN search_prefixes tsvector GENERATED ALWAYS AS (market_search_prefixes(search_text)
        || array_to_tsvector(ARRAY['=domain=' || domain, '=price=' || price_model])) STORED;
CREATE INDEX market_solution_prefix ON market_solution USING GIN (search_prefixes);
-- the planner would otherwise AND the old index on search_vector in (the expensive partial match again)
DROP INDEX market_solution_fts;
