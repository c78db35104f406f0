#!/usr/bin/env bash
# Decision benchmark (not a test): applicant-scoring decisions/s through DecisionService with the audit record off
# and on, against Flowable's rule engine on the parsed table in the same JVM (the reference), and 10,000 applications
# scored and recorded end to end (records batched); on a fresh H2 database under app/target, or PostgreSQL.
# Writes app/target/benchmark/decisions.tsv.
#   scripts/benchmark-decisions.sh                       # H2
#   BENCH_DB_URL=jdbc:postgresql://localhost:5432/accelerator_bench scripts/benchmark-decisions.sh   # PostgreSQL (empty database)
# Tuning: BENCH_OPTS="-Ddecisions=5000 -Drounds=7 -Dapplications=10000 -Djury=1 -Dwarmup=3000 -Dbatch=1000"  SKIP_BUILD=1"
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${SKIP_BUILD:-}" ]]; then
  ./mvnw -B -q -pl app test-compile
  ./mvnw -B -q -pl app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
fi
rm -rf app/target/benchmark-h2
mkdir -p app/target/benchmark
ARGS=()
if [[ -n "${BENCH_DB_URL:-}" ]]; then
  ARGS+=(--spring.profiles.active=postgres "--spring.datasource.url=${BENCH_DB_URL}")
fi
exec java -Xmx1g ${BENCH_OPTS:-} -Dbench.out=app/target/benchmark -DACCELERATOR_DATA_DIR="$PWD/app/target/benchmark-h2" \
  -cp "app/target/test-classes:app/target/classes:$(cat app/target/benchmark.classpath)" \
  eu.smartcity.accelerator.scoring.ScoringBenchmark "${ARGS[@]}"
