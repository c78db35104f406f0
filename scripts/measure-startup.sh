#!/usr/bin/env bash
# Measures start-up (Spring's "Started AcceleratorApplication in N seconds") on H2 (fresh and
# existing data dir) and on PostgreSQL (database accelerator_startup, recreated). Needs a built jar:
# ./mvnw -DskipTests package. Usage: scripts/measure-startup.sh [jar]
set -euo pipefail
jar=${1:-app/target/smart-city-accelerator-app-0.1.0-SNAPSHOT.jar}
port=18080
started() {  # run the jar with the given args until it reports start-up, print the seconds
  local log; log=$(mktemp)
  java -jar "$jar" --server.port=$port "$@" >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 180); do
    if grep -q "Started AcceleratorApplication" "$log"; then break; fi
    if ! kill -0 $pid 2>/dev/null; then cat "$log" | tail -20; exit 1; fi
    sleep 1
  done
  grep -o "Started AcceleratorApplication in [0-9.]* seconds" "$log" | grep -o "[0-9.]*"
  kill $pid; wait $pid 2>/dev/null || true
  rm -f "$log"
}
data=$(mktemp -d)
echo "H2, empty data dir:     $(ACCELERATOR_DATA_DIR=$data started) s"
echo "H2, existing data dir:  $(ACCELERATOR_DATA_DIR=$data started) s"
psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS accelerator_startup WITH (FORCE)" -c "CREATE DATABASE accelerator_startup OWNER accelerator"
url=jdbc:postgresql://localhost:5432/accelerator_startup
echo "PostgreSQL, empty db:   $(ACCELERATOR_DB_URL=$url started --spring.profiles.active=postgres) s"
echo "PostgreSQL, existing:   $(ACCELERATOR_DB_URL=$url started --spring.profiles.active=postgres) s"
rm -rf "$data"
