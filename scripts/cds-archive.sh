#!/usr/bin/env bash
# Prepares the app for a fast start (issue 19 point 6, docs/performance.md "Start-up"): extracts the jar (Spring Boot's
# tools jar mode: the application jar plus lib/, which class data sharing needs) and records an AppCDS archive of every
# class a start loads, by one training start on a throw-away H2 data dir (no demo data) that runs until its health
# answers UP and is then stopped: Flyway, both engines, the runners, the web server's start and a first request are all
# in it. (Stopping at the context's refresh, -Dspring.context.exit=onRefresh, left ~600 classes of Tomcat's start, JMX,
# the ready listeners and the first request outside the archive: docs/performance.md, "Start-up, round 2".) The
# training starts on Spring AOT's generated bean definitions (built into the jar by the process-aot goal), as the image
# does ("Start-up, round 5"); start it afterwards the same way:
#   java -XX:SharedArchiveFile=<dir>/app.jsa -Dspring.aot.enabled=true -jar <dir>/app.jar
# The archive belongs to this JVM and these jars: after a rebuild, make it again (a stale or missing archive is
# ignored by the JVM, which then starts as slowly as before, never wrongly).
# Usage: scripts/cds-archive.sh [jar] [dir]   (defaults: the built jar, app/target/cds; the training start listens on
# CDS_TRAINING_PORT, default 18479)
set -euo pipefail
jar=${1:-app/target/smart-city-accelerator-app-0.1.0-SNAPSHOT.jar}
dir=${2:-app/target/cds}
java -Djarmode=tools -jar "$jar" extract --force --destination "$dir" --application-filename app.jar
rm -f "$dir/app.jsa"
# /actuator/health through bash's /dev/tcp: the runtime image need not have curl
health_up() {
  timeout 5 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0" && printf "GET /actuator/health HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && grep -q "\"UP\"" <&3' "$port" 2>/dev/null
}
train=$(mktemp -d)
port=${CDS_TRAINING_PORT:-18479}
ACCELERATOR_DATA_DIR="$train" ACCELERATOR_DEMO_DATA=false java -XX:ArchiveClassesAtExit="$dir/app.jsa" \
    -Dspring.aot.enabled=true -jar "$dir/app.jar" --server.port="$port" >"$train/training.log" 2>&1 &
pid=$!
up=
for _ in $(seq 1 6000); do  # up to 10 minutes (a busy build machine)
  if health_up; then up=1; break; fi
  if ! kill -0 $pid 2>/dev/null; then break; fi
  sleep 0.1
done
if [ -z "$up" ]; then
  kill $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  tail -30 "$train/training.log" >&2
  exit 1
fi
kill $pid          # an orderly stop (SIGTERM): the JVM writes the archive as it exits
wait $pid || true  # 143 = stopped by SIGTERM, as asked
if [ ! -s "$dir/app.jsa" ]; then
  tail -30 "$train/training.log" >&2
  echo "no archive written" >&2
  exit 1
fi
rm -rf "$train"
echo "$dir/app.jsa: $(du -h "$dir/app.jsa" | cut -f1)"
