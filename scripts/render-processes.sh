#!/usr/bin/env bash
# Renders every processes/*.bpmn (whole diagram) and processes/*.dmn (the decision table) to
# docs/processes/<name>.png with bpmn-js / dmn-js — what Camunda Modeler and Cockpit show — in headless
# Chromium, and writes the SHA-256 of each source beside the pictures (docs/processes/sources.sha256).
# RenderedProcessesTest fails when a model changed without re-running this script. Also writes
# docs/processes/layout-defects.txt: per process, what makes its picture hard to read (a list, not a check).
# Installs the pinned renderer (tools/bpmn-render) on first use. Chromium: /usr/bin/chromium, or $CHROMIUM.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/docs/processes"
shopt -s nullglob
models=("$root"/processes/*.bpmn "$root"/processes/*.dmn)
if [ ${#models[@]} -eq 0 ]; then
  echo "render-processes: no processes/*.bpmn or *.dmn to render"
  exit 0
fi
mkdir -p "$out"
cd "$root/tools/bpmn-render"
if [ ! -d node_modules/bpmn-js ] || [ ! -d node_modules/dmn-js ] || [ ! -d node_modules/puppeteer-core ]; then
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
# pictures of models that no longer exist go
for png in "$out"/*.png; do
  name="$(basename "$png" .png)"
  [ -e "$root/processes/$name.bpmn" ] || [ -e "$root/processes/$name.dmn" ] || rm -v "$png"
done
node render.mjs "$out" "${models[@]}"
# hashed without carriage returns, so a Windows checkout (CRLF) counts as the same model
for model in "${models[@]}"; do
  printf '%s  %s\n' "$(tr -d '\r' < "$model" | sha256sum | cut -d' ' -f1)" "${model#"$root"/}"
done | LC_ALL=C sort -k2 > "$out/sources.sha256"
echo "render-processes: ${#models[@]} model(s) rendered to docs/processes/, sources in docs/processes/sources.sha256"
