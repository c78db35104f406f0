#!/usr/bin/env bash
# Loads N generated solutions into the marketplace catalogue of a PostgreSQL database, fast
# (one INSERT … SELECT over generate_series; the search's GIN index is dropped during the load and rebuilt).
#   scripts/generate-marketplace-solutions.sh 100000  [postgres://accelerator:accelerator@localhost:5432/accelerator_bench_market]
#   scripts/generate-marketplace-solutions.sh 1000000 ...
# The database may be empty: the marketplace tables are created from the app's own migrations
# (V50 + db/vendor/postgresql/V51, V52, V150, V161, V196) if they are missing; an older catalogue is brought up to date. Existing generated rows (supplier
# company-gen-*) are replaced; other catalogue rows are kept.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:?number of solutions, e.g. 100000}"
DB="${2:-postgres://accelerator:accelerator@localhost:5432/accelerator_bench_market}"
PSQL=(psql "$DB" -v ON_ERROR_STOP=1 -q -X)
if [[ "$("${PSQL[@]}" -tAc "select to_regclass('public.market_solution') is not null")" != "t" ]]; then
  echo "creating the marketplace tables from the app's migrations"
  "${PSQL[@]}" -f app/src/main/resources/db/migration/V50__marketplace.sql
  "${PSQL[@]}" -f app/src/main/resources/db/vendor/postgresql/V51__marketplace_fulltext.sql
  "${PSQL[@]}" -f app/src/main/resources/db/vendor/postgresql/V52__marketplace_name_index.sql
  "${PSQL[@]}" -f app/src/main/resources/db/vendor/postgresql/V150__marketplace_prefix_index.sql
  "${PSQL[@]}" -f app/src/main/resources/db/vendor/postgresql/V161__marketplace_hash_partitions.sql
  "${PSQL[@]}" -f app/src/main/resources/db/vendor/postgresql/V196__marketplace_solution_counts.sql
elif [[ "$("${PSQL[@]}" -tAc "select count(*) from information_schema.columns where table_name = 'market_solution' and column_name = 'search_prefixes'")" == "0" ]]; then
  echo "adding the search's prefix index (db/vendor/postgresql/V150) to a catalogue loaded before it"
  "${PSQL[@]}" -f app/src/main/resources/db/vendor/postgresql/V150__marketplace_prefix_index.sql
fi
if [[ "$("${PSQL[@]}" -tAc "select relkind from pg_class where oid = 'market_solution'::regclass")" != "p" ]]; then
  echo "splitting the catalogue into hash partitions (db/vendor/postgresql/V161) for a catalogue loaded before it"
  "${PSQL[@]}" -f app/src/main/resources/db/vendor/postgresql/V161__marketplace_hash_partitions.sql
fi
if [[ "$("${PSQL[@]}" -tAc "select to_regclass('public.market_solution_count') is not null")" != "t" ]]; then
  echo "adding the counts per domain and price model (db/vendor/postgresql/V196) to a catalogue loaded before them"
  "${PSQL[@]}" -f app/src/main/resources/db/vendor/postgresql/V196__marketplace_solution_counts.sql
fi
start=$(date +%s)
"${PSQL[@]}" <<SQL
DROP INDEX IF EXISTS market_solution_prefix;
DELETE FROM market_solution s WHERE supplier_group LIKE 'company-gen-%'
  AND NOT EXISTS (SELECT 1 FROM market_implementation i WHERE i.solution_id = s.id);
WITH words AS (
  SELECT ARRAY['parking','sensor','traffic','bike','bus','charging','lighting','energy','solar','heat','waste','container',
    'recycling','air','noise','quality','water','flood','sewer','tree','park','square','bench','crowd','event','safety',
    'camera','privacy','citizen','participation','budget','vote','consultation','report','pothole','school','street',
    'delivery','logistics','freight','mobility','sharing','scooter','car','pedestrian','junction','signal','priority',
    'dashboard','platform','data','open','api','twin','model','forecast','analytics','monitoring','alert','app',
    'booking','payment','ticket','tourism','heritage','museum','library','sport','health','care','ageing','defibrillator',
    'emergency','fire','police','ice','snow','gritting','road','bridge','canal','harbour','boat','market','stall','toilet',
    'playground','maintenance','inspection','drone','lorawan','iot','network','wifi','5g','gateway','meter','leak',
    'district','neighbourhood','building','school','roof','insulation','grid','battery','storage','hydrogen','tram','metro',
    'rail','station','timetable','journey','accessibility','wheelchair','language','translation','chatbot','permit']::text[] AS w,
  ARRAY['mobility','parking','energy','waste','environment','public-space','citizen-participation','water','safety','health','other']::text[] AS d,
  ARRAY['subscription','licence','one-off','pay-per-use','open-source']::text[] AS p,
  ARRAY['any','pre-commercial','innovation-partnership','framework','open-tender']::text[] AS r,
  ARRAY['NGSI-LD, OASC MIM1','OGC SensorThings API','DATEX II','GTFS Realtime','OCPP 2.0.1, OCPI 2.2','Smart Data Models, OASC MIM2']::text[] AS s
), rows AS (
  SELECT g,
    (SELECT w FROM words) AS w, (SELECT d FROM words) AS d, (SELECT p FROM words) AS p, (SELECT r FROM words) AS r, (SELECT s FROM words) AS s,
    hashint4(g) AS h1, hashint4(g + 7919) AS h2, hashint4(g + 104729) AS h3, hashint4(g + 1299709) AS h4
  FROM generate_series(1, $N) AS g
), facts AS (
  SELECT g, d[1 + g % 11] AS domain, p[1 + (abs(h1) % 5)] AS price_model, r[1 + (abs(h2) % 5)] AS route, s[1 + (abs(h3) % 6)] AS standards,
    'company-gen-' || (abs(h4) % 5000) AS supplier,
    w[1 + abs(h1) % array_length(w, 1)] AS w1, w[1 + abs(h2) % array_length(w, 1)] AS w2,
    w[1 + abs(h3) % array_length(w, 1)] AS w3, w[1 + abs(h4) % array_length(w, 1)] AS w4, h1, h2
  FROM rows
)
INSERT INTO market_solution (id, supplier_group, name, domain, description, trl, price_model, indicative_cost, min_population,
    needs_city_data, procurement_route, standards, data_hosting, gdpr, languages, reference_list, search_text, created_at)
SELECT md5('gen-' || g)::uuid, supplier, initcap(w1) || ' ' || w2 || ' ' || g, domain,
    'Generated solution ' || g || ': ' || w1 || ' ' || w2 || ' for ' || w3 || ' with ' || w4 || ' data, built for cities.',
    1 + abs(h1) % 9, price_model, 1000 + abs(h2) % 99000, (abs(h1) % 5) * 20000, h2 % 2 = 0, route, standards,
    'EU', 'GDPR: processor agreement', 'nl, fr, en', NULL,
    lower(w1 || ' ' || w2 || ' ' || g || ' generated solution ' || g || ' ' || w1 || ' ' || w2 || ' for ' || w3 || ' with ' || w4
      || ' data built for cities ' || standards || ' ' || supplier || ' ' || domain),
    now() - (g || ' seconds')::interval
FROM facts;
SET maintenance_work_mem = '256MB';
CREATE INDEX market_solution_prefix ON market_solution USING GIN (search_prefixes);
SQL
# outside a transaction: sets the hint bits and the visibility map, so the first searches do not write
"${PSQL[@]}" -c "VACUUM ANALYZE market_solution"
echo "loaded $N generated solutions in $(( $(date +%s) - start )) s; catalogue now holds $("${PSQL[@]}" -tAc 'select count(*) from market_solution') solutions"
