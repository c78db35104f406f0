#!/usr/bin/env bash
# Engine benchmark on PostgreSQL (not a test), one command:
#   1. pgbench (TPC-B-like) on a scratch database: the machine's commits/s, the reference;
#   2. full accelerator cycles through the engine: cycles/s, user tasks/s, commits and SQL statements per task,
#      engine commits/s ÷ pgbench;
#   3. the deadline rush: thousands of submissions through the portal at once, p50/p95/p99, each accepted one stored once.
# Writes app/target/benchmark/benchmark.md and PNG plots.
#   scripts/benchmark.sh
# Needs psql/pgbench and the postgres superuser on 127.0.0.1 (trust), as .ci/run sets up; it (re)creates the
# databases accelerator_bench_pgbench and accelerator_bench_engine (owner accelerator).
# Tuning: BENCH_OPTS="-Dcycles=16 -Dapplications=20 -Dthreads=2 -Drush=5000 -DrushThreads=50"  PGBENCH_SECONDS=30 PGBENCH_CLIENTS=2
# ENGINE_DB / PGBENCH_DB name the scratch databases (default accelerator_bench_engine / accelerator_bench_pgbench), so that
# two people on one server do not drop each other's. BENCH_OPTS="-Dbench.callers=true" also writes callers.txt
# (statements per task by the first frame of our code that caused them; slow, for diagnosis).
# SKIP_BUILD=1 reuses the compiled classes and class path (scripts/benchmark-all.sh builds once).
set -euo pipefail
cd "$(dirname "$0")/.."
PGHOST=${PGHOST:-127.0.0.1}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-30}
PGBENCH_CLIENTS=${PGBENCH_CLIENTS:-2}
OUT=app/target/benchmark
ENGINE_DB=${ENGINE_DB:-accelerator_bench_engine}
PGBENCH_DB=${PGBENCH_DB:-accelerator_bench_pgbench}
mkdir -p "$OUT"

fresh_db() {
  psql -h "$PGHOST" -U postgres -qAt -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1 OWNER accelerator"
}

if [[ -z "${SKIP_BUILD:-}" ]]; then
  echo "== build"
  ./mvnw -B -q -pl app test-compile
  ./mvnw -B -q -pl app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
fi

echo "== pgbench: $PGBENCH_CLIENTS clients, $PGBENCH_SECONDS s"
fresh_db "$PGBENCH_DB"
export PGPASSWORD=accelerator
pgbench -h "$PGHOST" -U accelerator -i -s 10 -q "$PGBENCH_DB" >"$OUT/pgbench-init.log" 2>&1
pgbench -h "$PGHOST" -U accelerator -c "$PGBENCH_CLIENTS" -j "$PGBENCH_CLIENTS" -T "$PGBENCH_SECONDS" "$PGBENCH_DB" \
  | tee "$OUT/pgbench.log"
TPS=$(sed -n 's/^tps = \([0-9.]*\).*without initial connection time.*/\1/p' "$OUT/pgbench.log")
TPS=${TPS:-$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$OUT/pgbench.log" | head -1)}
echo "pgbench: $TPS commits/s"

echo "== engine: full cycles and the deadline rush"
fresh_db "$ENGINE_DB"
java -Xmx1g -Djava.awt.headless=true ${BENCH_OPTS:-} -DpgbenchTps="$TPS" -DpgbenchClients="$PGBENCH_CLIENTS" -Dbench.out="$OUT" \
  -cp "app/target/test-classes:app/target/classes:$(cat app/target/benchmark.classpath)" \
  eu.smartcity.accelerator.bench.EngineBenchmark \
  --spring.profiles.active=postgres "--spring.datasource.url=jdbc:postgresql://$PGHOST:5432/$ENGINE_DB"
psql -h "$PGHOST" -U postgres -qAt -c "DROP DATABASE IF EXISTS $PGBENCH_DB WITH (FORCE)"
echo "== done: $OUT/benchmark.md, $OUT/*.png"
