#!/usr/bin/env bash
# Runs the designer's Vitest suite for tests/run-all.sh: installs dependencies when node_modules is missing or
# package-lock.json changed since the last install, shows Vitest's report on stderr and prints "PASSED FAILED" on
# stdout. Exits non-zero when a test failed or Vitest could not run.
set -uo pipefail
cd "$(dirname "$0")"

. scripts/ensure-node-modules.sh
if ! ensure_node_modules; then
  echo "0 1"
  exit 1
fi

report=$(mktemp)
trap 'rm -f "$report"' EXIT
npx vitest run --reporter=default --reporter=json --outputFile="$report" >&2
vitest_status=$?

# Vitest's JSON report counts tests: numPassedTests / numFailedTests (skipped ones are neither).
counts=$(node -e '
  try {
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(`${r.numPassedTests} ${r.numFailedTests}`);
  } catch { console.log("0 1"); }' "$report")
counts=${counts:-0 1} # node itself failed: count the run as one failure
echo "$counts"
[ "$vitest_status" -eq 0 ] && [ "${counts#* }" = "0" ]
