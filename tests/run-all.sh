#!/usr/bin/env bash
# Runs the whole test suite: every .NET test project (unit, integration, conformance, CLI) and the designer's Vitest suite.
# Prints one closing line "N passed, N failed" summed over all runners.
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
status=0
dotnet test FormFlow.sln --nologo -v q 2>&1 | tee "$log" || status=1

# dotnet test prints "Passed!  - Failed: 0, Passed: 12, ..." per test project.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')

# Designer (TypeScript browser runtime): Vitest over the same conformance corpus; its counts join the closing line.
designer_counts=$(bash designer/run-tests.sh) || status=1
passed=$((passed + ${designer_counts% *}))
failed=$((failed + ${designer_counts#* }))
[ "$passed" -gt 0 ] || status=1
[ "$failed" -eq 0 ] || status=1
echo "${passed} passed, ${failed} failed"
exit $status
