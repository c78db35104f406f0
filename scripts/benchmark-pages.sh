#!/usr/bin/env bash
# Page benchmark (not a test): portal pages and public API under wrk, each as a ratio to a static file served by the
# same app in the same run, and a check that no anonymous page creates a session (no Set-Cookie).
#   scripts/benchmark-pages.sh                    # fresh H2 demo data under app/target/benchmark-pages-h2
# Writes app/target/benchmark/pages.md (one Markdown table) and pages.tsv.
# Tuning: CONNECTIONS=20 DURATION=20s WARMUP=5s PORT=18095 SKIP_BUILD=1 (reuse the compiled classes)
# Needs wrk (Debian: apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${CONNECTIONS:-20}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
PORT=${PORT:-18095}
OUT=app/target/benchmark
DATA=app/target/benchmark-pages-h2
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 2; }

if [[ -z "${SKIP_BUILD:-}" ]]; then
  ./mvnw -B -q -pl app test-compile
  ./mvnw -B -q -pl app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
fi

rm -rf "$DATA"
LOG="$OUT/pages-app.log"
java -Xmx768m -DACCELERATOR_DATA_DIR="$PWD/$DATA" \
  -cp "app/target/classes:$(cat app/target/benchmark.classpath)" eu.smartcity.accelerator.AcceleratorApplication \
  --server.port="$PORT" --logging.level.root=WARN --accelerator.api.requests-per-minute=100000000 >"$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 900); do
  if curl -fs "$BASE/actuator/health" >/dev/null 2>&1; then break; fi
  kill -0 $APP 2>/dev/null || { tail -30 "$LOG"; exit 1; }
  sleep 1
done
curl -fs "$BASE/actuator/health" >/dev/null

# wrk's latency in ms ("235.00ms", "1.20s", "900.00us")
ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); print v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v); print v+0} else if (v ~ /s$/) {sub(/s$/,"",v); print v*1000} else print v}' <<<"$1"; }

measure() {  # path -> "requests/s p99ms"
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "$BASE$1" >/dev/null
  local result; result=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE$1")
  local rps; rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' <<<"$result")
  local p99; p99=$(awk '$1=="99%" {print $2}' <<<"$result")
  local errors; errors=$(sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' <<<"$result")
  echo "$rps $(ms "$p99") ${errors:-0}"
}

LOAD=$(cut -d' ' -f1 /proc/loadavg)
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
echo "== static reference /favicon.svg"
read -r REF1_RPS REF1_P99 REF_ERR < <(measure /favicon.svg)
echo "static (first): $REF1_RPS req/s, p99 $REF1_P99 ms"

# path, target ratio to the static file (issue 19: / ≥ 0.5, list pages ≥ 0.2)
PAGES=("/ 0.5" "/challenges 0.2" "/marketplace?q=parking 0.2" "/api/challenges -" "/api/ocds/releases -" "/api/marketplace/solutions?q=sensor -")
declare -A RPS_OF P99_OF ERR_OF COOKIES_OF
for entry in "${PAGES[@]}"; do
  path=${entry% *}
  echo "== $path"
  read -r "RPS_OF[$path]" "P99_OF[$path]" "ERR_OF[$path]" < <(measure "$path")
  COOKIES_OF["$path"]=$(curl -s -o /dev/null -D - "$BASE$path" | grep -ci '^set-cookie' || true)
  echo "$path: ${RPS_OF[$path]} req/s, p99 ${P99_OF[$path]} ms, Set-Cookie headers: ${COOKIES_OF[$path]}"
done
# the static file again at the end (a warmer JVM, the machine's load then): the higher of the two is the reference,
# so no ratio is flattered by a reference taken while the JVM was still cold
echo "== static reference /favicon.svg (again)"
read -r REF2_RPS REF2_P99 REF2_ERR < <(measure /favicon.svg)
echo "static (last): $REF2_RPS req/s, p99 $REF2_P99 ms"
if awk -v a="$REF2_RPS" -v b="$REF1_RPS" 'BEGIN { exit !(a > b) }'; then
  REF_RPS=$REF2_RPS; REF_P99=$REF2_P99; REF_ERR=$REF2_ERR
else
  REF_RPS=$REF1_RPS; REF_P99=$REF1_P99
fi
{
  echo "| page | requests/s | p99 ms | ratio to static | target | non-2xx | Set-Cookie (anonymous) |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
  echo "| \`/favicon.svg\` (static reference, higher of $REF1_RPS first and $REF2_RPS last) | $REF_RPS | $REF_P99 | 1 | — | $REF_ERR | — |"
} >"$OUT/pages.md"
printf "page\trps\tp99_ms\tratio\n/favicon.svg\t%s\t%s\t1\n" "$REF_RPS" "$REF_P99" >"$OUT/pages.tsv"
for entry in "${PAGES[@]}"; do
  path=${entry% *}; target=${entry##* }
  RPS=${RPS_OF[$path]}; P99=${P99_OF[$path]}; ERR=${ERR_OF[$path]}; COOKIES=${COOKIES_OF[$path]}
  RATIO=$(awk -v a="$RPS" -v b="$REF_RPS" 'BEGIN {printf "%.3f", a/b}')
  echo "| \`$path\` | $RPS | $P99 | $RATIO | ${target/-/—} | $ERR | $([[ $COOKIES == 0 ]] && echo none || echo "$COOKIES") |" >>"$OUT/pages.md"
  printf "%s\t%s\t%s\t%s\n" "$path" "$RPS" "$P99" "$RATIO" >>"$OUT/pages.tsv"
done
{
  echo
  echo "wrk, $CONNECTIONS connections, $DURATION per page after $WARMUP warm-up; H2 demo data; commit $COMMIT;"
  echo "load average at the start $LOAD, at the end $(cut -d' ' -f1 /proc/loadavg); $(nproc) cores."
} >>"$OUT/pages.md"
cat "$OUT/pages.md"
