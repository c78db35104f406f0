#!/usr/bin/env bash
# Every benchmark in sequence, one Markdown table with ratios and targets, and plots (issue 19, point 7):
#   scripts/benchmark-all.sh            # refuses while the 1-minute load average is above 2 (figures of a busy machine are noise)
#   scripts/benchmark-all.sh --force    # runs anyway; the table says the load it was taken at
#   scripts/benchmark-all.sh --quick    # shorter runs (pages 10 s, 8 + 2 cycles, 1,000-submission rush, search at 100,000 only)
#   SEARCH_DB_100000=accelerator_bench_search SEARCH_DB_1000000=accelerator_bench_search1m scripts/benchmark-all.sh
#                                        # searches catalogues loaded before (SKIP_LOAD=1; loading 1,000,000 takes minutes)
# Before each step it waits (at most SETTLE_SECONDS, 120) for the load average to fall below 2 again (not with --force).
# Writes docs/benchmark/summary.md (the table, the commit measured, load averages), docs/benchmark/targets.png, and copies
# the engine benchmark's own report and plots there. Raw output of each step: app/target/benchmark/*.log.
# Needs what the single scripts need: wrk; psql/pgbench with the postgres superuser on 127.0.0.1; role accelerator.
set -uo pipefail
cd "$(dirname "$0")/.."
FORCE=""; QUICK=""
for arg in "$@"; do
  case "$arg" in
    --force) FORCE=1 ;;
    --quick) QUICK=1 ;;
    *) echo "usage: $0 [--force] [--quick]"; exit 2 ;;
  esac
done
LOAD_START=$(cut -d' ' -f1 /proc/loadavg)
if [[ -z "$FORCE" ]] && awk -v l="$LOAD_START" 'BEGIN { exit !(l > 2) }'; then
  echo "The 1-minute load average is $LOAD_START (> 2): figures taken now would measure the other work on this machine."
  echo "Wait until it is quiet, or run with --force (the table then records the load)."
  exit 3
fi
PGHOST=${PGHOST:-127.0.0.1}
OUT=app/target/benchmark
DOCS=docs/benchmark
COMMIT=$(git rev-parse HEAD)
DIRTY=$(git status --porcelain --untracked-files=no | grep -q . && echo "yes" || echo "no")
STARTED=$(date -u +%Y-%m-%dT%H:%M:%SZ)
rm -rf "$OUT"; mkdir -p "$OUT" "$DOCS"
declare -A STATUS

settle() {  # waits (at most SETTLE_SECONDS, 120) until the 1-minute load average is below 2 again: the step before
  # leaves it high for a minute or more (its own memory of the step, or work the step left running), and a figure taken
  # then carries that doubt
  local waited=0
  while awk -v l="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN { exit !(l >= 2) }' && (( waited < ${SETTLE_SECONDS:-120} )); do
    sleep 5; waited=$((waited + 5))
  done
  (( waited > 0 )) && echo "   (waited ${waited} s for the load to settle)"
  return 0
}
step() {  # name command...: runs one benchmark, its output in $OUT/name.log, never stops the others
  local name=$1; shift
  [[ -z "$FORCE" ]] && settle
  echo "== $name ($(date -u +%H:%M:%S), load $(cut -d' ' -f1 /proc/loadavg))"
  if "$@" >"$OUT/$name.log" 2>&1; then STATUS[$name]=ok; else STATUS[$name]="failed ($?)"; tail -5 "$OUT/$name.log"; fi
  echo "$name: ${STATUS[$name]}"
}
fresh_db() {
  psql -h "$PGHOST" -U postgres -qAt -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1 OWNER accelerator"
}

echo "== build (jar, test classes, class path)"
./mvnw -B -q -pl app -DskipTests package || exit 1
./mvnw -B -q -pl app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath || exit 1
export SKIP_BUILD=1

if [[ -n "$QUICK" ]]; then
  PAGES_ENV=(DURATION=10s WARMUP=3s); ENGINE_OPTS="-DwarmupCycles=8 -Dcycles=2 -Drush=1000 -DrushThreads=50"; SEARCH_SIZES=(100000)
else
  PAGES_ENV=(); ENGINE_OPTS="-DwarmupCycles=160 -Dcycles=32 -Drush=5000 -DrushThreads=50"; SEARCH_SIZES=(100000 1000000)
fi

step pages env "${PAGES_ENV[@]}" scripts/benchmark-pages.sh
step decisions-h2 scripts/benchmark-decisions.sh
[[ -f "$OUT/decisions.tsv" ]] && mv "$OUT/decisions.tsv" "$OUT/decisions-h2.tsv"
fresh_db accelerator_bench_decisions
step decisions-pg env BENCH_DB_URL="jdbc:postgresql://$PGHOST:5432/accelerator_bench_decisions" scripts/benchmark-decisions.sh
[[ -f "$OUT/decisions.tsv" ]] && mv "$OUT/decisions.tsv" "$OUT/decisions-pg.tsv"
step engine env BENCH_OPTS="$ENGINE_OPTS" scripts/benchmark.sh
if [[ -x scripts/benchmark-marketplace-search.sh ]]; then
  for n in "${SEARCH_SIZES[@]}"; do
    loaded="SEARCH_DB_$n"
    if [[ -n "${!loaded:-}" ]]; then  # a catalogue of n solutions loaded before: searched as it is
      step "search-$n" env BENCH_DB="${!loaded}" SKIP_LOAD=1 scripts/benchmark-marketplace-search.sh "$n"
    else
      fresh_db accelerator_bench_market
      step "search-$n" env BENCH_DB=accelerator_bench_market scripts/benchmark-marketplace-search.sh "$n"
    fi
  done
fi
step startup scripts/measure-startup.sh
sed -n -e 's/^H2, empty data dir: *\([0-9.]*\) s.*/h2_empty_s\t\1/p' -e 's/^H2, existing data dir: *\([0-9.]*\) s.*/h2_existing_s\t\1/p' \
  -e 's/^H2, existing, AppCDS: *\([0-9.]*\) s.*/h2_existing_cds_s\t\1/p' \
  -e 's/^PostgreSQL, empty db: *\([0-9.]*\) s.*/pg_empty_s\t\1/p' -e 's/^PostgreSQL, existing: *\([0-9.]*\) s.*/pg_existing_s\t\1/p' \
  "$OUT/startup.log" >"$OUT/startup.tsv"
for name in "${!STATUS[@]}"; do printf "%s\t%s\n" "$name" "${STATUS[$name]}"; done >"$OUT/status.tsv"

LOAD_END=$(cut -d' ' -f1 /proc/loadavg)
java -Djava.awt.headless=true -cp "app/target/test-classes:app/target/classes:$(cat app/target/benchmark.classpath)" \
  eu.smartcity.accelerator.bench.BenchmarkSummary "$OUT" "$DOCS" "$COMMIT" "$DIRTY" "$STARTED" "$LOAD_START" "$LOAD_END" "$(nproc)" \
  "$([[ -n "$FORCE" ]] && echo forced || echo quiet)" "$([[ -n "$QUICK" ]] && echo quick || echo full)"
for f in benchmark.md throughput.png rush-latency.png; do [[ -f "$OUT/$f" ]] && cp "$OUT/$f" "$DOCS/$f"; done
echo "== done: $DOCS/summary.md"
