#!/usr/bin/env bash
# Type-checks the whole tree (root tsconfig.json, the editor's view) and then each layer under its
# own src/<layer>/tsconfig.json, whose `lib` names the only globals that layer may use. Checks
# every config even after a failure, so one run shows all errors; exits 1 if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."

TSC=node_modules/.bin/tsc
failed=()
checked=0

check() {
  local config=$1
  if "$TSC" --noEmit -p "$config"; then
    checked=$((checked + 1))
  else
    failed+=("$config")
  fi
}

check tsconfig.json
for config in src/*/tsconfig.json; do
  folder=$(dirname "$config")
  # tsc refuses a config with no inputs; a layer with no code yet has nothing to check.
  if [ -z "$(find "$folder" -name '*.ts' ! -name '*.test.ts' -print -quit)" ]; then
    echo "typecheck: $folder has no sources yet, skipped"
    continue
  fi
  check "$config"
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "typecheck: FAIL in ${failed[*]}" >&2
  exit 1
fi
echo "typecheck: ok ($checked configs)"
