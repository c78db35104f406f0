#!/usr/bin/env bash
# Regenerates the diagram (BPMNDI: shapes, right-angle flows, label bounds, lanes) of every
# processes/*.bpmn — or of the files given — from its semantic model with tools/bpmn-render/layout.mjs
# (elkjs + bpmn-moddle, pinned in tools/bpmn-render/package.json). Positions edited in the Modeler are
# overwritten; semantic edits are kept byte for byte. Deterministic: a second run changes nothing.
# Then run scripts/render-processes.sh (pictures, layout-defects.txt, sources.sha256).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shopt -s nullglob
if [ $# -gt 0 ]; then
  models=()
  for m in "$@"; do models+=("$(cd "$(dirname "$m")" && pwd)/$(basename "$m")"); done
else
  models=("$root"/processes/*.bpmn)
fi
if [ ${#models[@]} -eq 0 ]; then
  echo "layout-processes: no processes/*.bpmn to lay out"
  exit 0
fi
cd "$root/tools/bpmn-render"
if [ ! -d node_modules/elkjs ] || [ ! -d node_modules/bpmn-moddle ] || [ ! -d node_modules/camunda-bpmn-moddle ]; then
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
node layout.mjs "${models[@]}"
echo "layout-processes: ${#models[@]} model(s) laid out; now run scripts/render-processes.sh"
