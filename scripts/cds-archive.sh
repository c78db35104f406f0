#!/usr/bin/env bash
# Prepares the app for a fast start (issue 19 point 6, docs/performance.md "Start-up"): extracts the jar (Spring Boot's
# tools jar mode: the application jar plus lib/, which class data sharing needs) and records an AppCDS archive of every
# class a start loads, by one training start on a throw-away H2 data dir that stops once the context is refreshed
# (Flyway, both engines, the web server; no demo data, no runners). Start it afterwards with
#   java -XX:SharedArchiveFile=<dir>/app.jsa -jar <dir>/app.jar
# The archive belongs to this JVM and these jars: after a rebuild, make it again (a stale or missing archive is
# ignored by the JVM, which then starts as slowly as before, never wrongly).
# Usage: scripts/cds-archive.sh [jar] [dir]   (defaults: the built jar, app/target/cds)
set -euo pipefail
jar=${1:-app/target/smart-city-accelerator-app-0.1.0-SNAPSHOT.jar}
dir=${2:-app/target/cds}
java -Djarmode=tools -jar "$jar" extract --force --destination "$dir" --application-filename app.jar
rm -f "$dir/app.jsa"
train=$(mktemp -d)
if ! ACCELERATOR_DATA_DIR="$train" ACCELERATOR_DEMO_DATA=false java -XX:ArchiveClassesAtExit="$dir/app.jsa" \
    -Dspring.context.exit=onRefresh -jar "$dir/app.jar" --server.port=0 >"$train/training.log" 2>&1; then
  tail -30 "$train/training.log" >&2
  exit 1
fi
rm -rf "$train"
echo "$dir/app.jsa: $(du -h "$dir/app.jsa" | cut -f1)"
