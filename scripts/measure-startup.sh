#!/usr/bin/env bash
# Measures start-up to health (launch until /actuator/health answers UP; in brackets Spring's own "Started ... in N
# seconds" and the CPU seconds the JVM had used by then, user + system of all its threads, which depends far less on
# the machine's load than the wall time) on H2 (fresh and existing data dir), then H2 existing again started the way
# the image starts (extracted jar + AppCDS archive, scripts/cds-archive.sh, and Spring AOT's generated bean definitions,
# -Dspring.aot.enabled=true; the median of IMAGE_STARTS starts, default 5, each one listed: one start scatters by
# seconds on a 2-core machine), and on PostgreSQL (database accelerator_startup, recreated). Needs a built jar:
# ./mvnw -DskipTests package. Usage: scripts/measure-startup.sh [jar]
set -euo pipefail
jar=${1:-app/target/smart-city-accelerator-app-0.1.0-SNAPSHOT.jar}
port=18080
started() {  # run the jar with the given args until its health is UP, print "seconds to health (Spring's figure)"
  local log; log=$(mktemp)
  local t0; t0=$(date +%s.%N)
  java ${JAVA_START:--jar "$jar"} --server.port=$port "$@" >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 3600); do
    if curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; then break; fi
    if ! kill -0 $pid 2>/dev/null; then cat "$log" | tail -20; exit 1; fi
    sleep 0.05
  done
  local t1; t1=$(date +%s.%N)
  local cpu; cpu=$(awk -v t="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / t}' /proc/$pid/stat)
  local spring; spring=$(grep -o "Started AcceleratorApplication in [0-9.]* seconds" "$log" | grep -o "[0-9.]*" || echo "?")
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}') s (Spring: $spring; CPU $cpu s)"
  kill $pid; wait $pid 2>/dev/null || true
  rm -f "$log"
}
data=$(mktemp -d)
echo "H2, empty data dir:     $(ACCELERATOR_DATA_DIR=$data started)"
echo "H2, existing data dir:  $(ACCELERATOR_DATA_DIR=$data started)"
cds=$(dirname "$jar")/cds
scripts/cds-archive.sh "$jar" "$cds" >/dev/null
image=()
for _ in $(seq 1 "${IMAGE_STARTS:-5}"); do
  image+=("$(JAVA_START="-XX:SharedArchiveFile=$cds/app.jsa -Dspring.aot.enabled=true -jar $cds/app.jar" ACCELERATOR_DATA_DIR=$data started)")
done
median=$(printf "%s\n" "${image[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
echo "H2, existing, AppCDS:   $median s median of ${#image[@]} starts as the image starts (AOT): $(IFS=';'; echo "${image[*]}")"
psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS accelerator_startup WITH (FORCE)" -c "CREATE DATABASE accelerator_startup OWNER accelerator"
url=jdbc:postgresql://localhost:5432/accelerator_startup
echo "PostgreSQL, empty db:   $(ACCELERATOR_DB_URL=$url started --spring.profiles.active=postgres)"
echo "PostgreSQL, existing:   $(ACCELERATOR_DB_URL=$url started --spring.profiles.active=postgres)"
rm -rf "$data"
