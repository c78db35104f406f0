#!/usr/bin/env bash
# Lints every processes/*.bpmn with the root .bpmnlintrc (bpmnlint:recommended + Camunda 7.24
# compatibility, the rules Camunda Modeler applies). Installs the pinned linter on first use.
# Runs from tools/bpmnlint because bpmnlint resolves its plugins from the working directory.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shopt -s nullglob
models=("$root"/processes/*.bpmn)
if [ ${#models[@]} -eq 0 ]; then
  echo "bpmnlint: no processes/*.bpmn to lint"
  exit 0
fi
cd "$root/tools/bpmnlint"
if [ ! -x node_modules/.bin/bpmnlint ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
node_modules/.bin/bpmnlint --config "$root/.bpmnlintrc" "${models[@]}"
echo "bpmnlint: ${#models[@]} model(s) pass .bpmnlintrc"
