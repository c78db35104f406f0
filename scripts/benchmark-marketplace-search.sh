#!/usr/bin/env bash
# Marketplace search benchmark on PostgreSQL (not a test): loads N generated solutions, then 20
# concurrent searchers run the catalogue search (page + two facets); prints p50/p95/p99, searches/s and
# the load average before and after (figures from a busy machine are queueing, not search).
#   scripts/benchmark-marketplace-search.sh 100000
#   scripts/benchmark-marketplace-search.sh 1000000
# Database: BENCH_DB (default accelerator_bench_market on localhost, role accelerator; it must exist:
#   psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE accelerator_bench_market OWNER accelerator").
# Tuning: BENCH_OPTS="-Dsearchers=20 -Dsearches=100 -Dwarmup=10"; SKIP_LOAD=1 reuses the loaded catalogue.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:?number of solutions, e.g. 100000}"
DB_NAME="${BENCH_DB:-accelerator_bench_market}"
if [[ -z "${SKIP_LOAD:-}" ]]; then
  # Generated rows only: start from an empty catalogue so that N is the catalogue size.
  psql "postgres://accelerator:accelerator@localhost:5432/$DB_NAME" -q -X -c "TRUNCATE market_solution CASCADE" 2>/dev/null || true
  scripts/generate-marketplace-solutions.sh "$N" "postgres://accelerator:accelerator@localhost:5432/$DB_NAME"
fi
./mvnw -B -q -pl app test-compile
./mvnw -B -q -pl app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
# The load average goes with the figures: 20 searchers on a machine that is busy otherwise measure the queue.
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
java -Xmx512m ${BENCH_OPTS:-} -Durl="jdbc:postgresql://localhost:5432/$DB_NAME" \
  -cp "app/target/test-classes:app/target/classes:$(cat app/target/benchmark.classpath)" \
  eu.smartcity.accelerator.marketplace.SearchBenchmark
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
