#!/usr/bin/env bash
# EXPLAIN (ANALYZE, BUFFERS) of the catalogue search's statement (CatalogueSearch, PostgreSQL, cap CAP, default 250) for a few
# typical searches, on a catalogue loaded by scripts/generate-marketplace-solutions.sh. Not a test: the evidence for
# docs/performance.md "Marketplace search" is the buffers and rows each search touches (timings on a shared machine are
# noise). Each search runs twice in one session; the second, warm run is printed.
#   [CAP=1000] scripts/explain-marketplace-search.sh [postgres://accelerator:accelerator@localhost:5432/accelerator_bench_market]
set -euo pipefail
DB="${1:-postgres://accelerator:accelerator@localhost:5432/accelerator_bench_market}"
LIMIT=$(( ${CAP:-250} + 1 ))
echo "catalogue: $(psql "$DB" -X -tAc 'select count(*) from market_solution') solutions"
# name | words (prefix query) | words (prefix-index query) | filter lexemes (as CatalogueSearch.filterLexemes)
while IFS='|' read -r name tq pq filters; do
  match="to_tsquery('simple', '$pq')"
  # with a (domain) filter the domain facet counts the matches without it: a second CTE of the same statement
  facet="m"; second=""
  if [[ -n "$filters" ]]; then
    second=", d AS MATERIALIZED (SELECT domain FROM market_solution WHERE search_prefixes @@ $match LIMIT $LIMIT)"
    facet="d"
    match="($match && CAST('$filters' AS tsquery))"
  fi
  sql="EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF)
WITH m AS MATERIALIZED (SELECT id, name, supplier_group, domain, description, trl, price_model, indicative_cost,
  ts_rank(search_vector, to_tsquery('simple', '$tq')) AS r FROM market_solution WHERE search_prefixes @@ $match LIMIT $LIMIT)$second
(SELECT 0 AS kind, r, id, name, supplier_group, domain, description, trl, price_model, indicative_cost, CAST(NULL AS varchar) AS v,
   CAST(NULL AS bigint) AS n FROM m ORDER BY r DESC, name, id LIMIT 20 OFFSET 0)
UNION ALL SELECT 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, domain, COUNT(*) FROM $facet GROUP BY domain
UNION ALL SELECT 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, price_model, COUNT(*) FROM m GROUP BY price_model
UNION ALL SELECT 3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, (SELECT COUNT(*) FROM m)
ORDER BY kind, r DESC, name, id, n DESC, v;"
  echo "== $name"
  # warm: the second run of the same statement in one session (the first also warms the partitions' relcache);
  # summed per node type: what the statement read, how many matches it ranked, which partitions ran
  psql "$DB" -X -q -c "$sql" -c "$sql" | awk '/QUERY PLAN/{n++} n==2' | awk '
    /Buffers:/ && !top {print "   statement buffers:" substr($0, index($0, ":") + 1); top=1}
    /Limit \(actual rows=[0-9]+ loops=1\)/ && limits < 2 && !/rows=20 / {match($0, /rows=[0-9]+/); rows += substr($0, RSTART + 5, RLENGTH - 5); limits++}
    /(Bitmap Heap Scan|Seq Scan) on market_solution_p/ {if ($0 ~ /never executed/) skipped++; else ran++}
    /Heap Blocks:/ {match($0, /exact=[0-9]+/); heap += substr($0, RSTART + 6, RLENGTH - 6); if ($0 ~ /lossy/) lossy=1}
    /Bitmap Index Scan/ && !/never executed/ {idx=1; next} idx && /Buffers:/ {match($0, /hit=[0-9]+/); ib += substr($0, RSTART + 4, RLENGTH - 4); match($0, /read=[0-9]+/); if (RSTART) ib += substr($0, RSTART + 5, RLENGTH - 5); idx=0}
    END {printf "   matches read (LIMIT cap + 1 per CTE): %d\n", rows}
    END {printf "   partitions scanned: %d of %d; heap blocks (bitmap): %d%s; GIN index buffers: %d\n", ran, ran + skipped, heap, lossy ? " (some lossy)" : "", ib}'
done <<'Q'
parking sensor (two common words, 2 % of the catalogue)|parking:* & sensor:*|parking & sensor|
data (every solution)|data:*|data|
sensor in domain water|sensor:*|sensor|''=domain=water''
defibrillator tram (narrow, < cap)|defibrillator:* & tram:*|defibrillator & tram|
Q
