#!/usr/bin/env bash
# `npm test`: every check the project has, in order: prerequisites (npm packages, Debian's
# Chromium), type-checks per layer, the import-rule check, then all vitest tests (Node and the
# browser end-to-end tests). Runs every step even after a failure, prints each step's time, and
# ends with PASS or FAIL and a matching exit status.
set -uo pipefail
cd "$(dirname "$0")/.."

names=()
results=()
times=()
failed=0

run_step() {
  local name=$1
  shift
  echo
  echo "=== $name: $*"
  local status=0 t0
  t0=$(date +%s%N)
  "$@" || status=$?
  local ms=$((($(date +%s%N) - t0) / 1000000))
  names+=("$name")
  times+=("$(printf '%d.%01ds' $((ms / 1000)) $(((ms % 1000) / 100)))")
  if [ "$status" -eq 0 ]; then
    results+=(ok)
  else
    results+=("FAIL (exit $status)")
    failed=1
  fi
  return "$status"
}

total0=$(date +%s%N)
rm -f test-results/vitest.json
# Without packages and a browser nothing else can run, so a failure here stops the run.
if run_step prerequisites bash scripts/ensure-chromium.sh; then
  run_step oci-tools bash scripts/ensure-oci-tools.sh
  run_step typecheck bash scripts/typecheck.sh
  run_step imports node_modules/.bin/tsx scripts/check-imports.ts
  run_step vitest node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile=test-results/vitest.json
fi
total_ms=$((($(date +%s%N) - total0) / 1000000))

echo
echo "=== summary"
for i in "${!names[@]}"; do
  printf '  %-14s %-8s %s\n' "${names[$i]}" "${times[$i]}" "${results[$i]}"
done
printf '  %-14s %ds\n' total $((total_ms / 1000))
if [ "$failed" -ne 0 ]; then echo "npm test: FAIL"; else echo "npm test: PASS"; fi
# Last, the test count in the plain form CI reads: "tests: N passed, N failed, N skipped".
if [ -f test-results/vitest.json ]; then
  node -e 'const r = require("./test-results/vitest.json");
    console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);'
fi
exit "$failed"
