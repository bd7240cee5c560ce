#!/usr/bin/env bash
# Runs the Playwright browser tests for tests/run-all.sh: installs npm dependencies when needed, builds the server
# (whose build runs `npm run build` for the Portal and the Studio when their sources changed), then runs the specs
# in e2e/ against that server in Debian's headless Chromium (/usr/bin/chromium, or FORMFLOW_CHROMIUM).
# Playwright's report goes to stderr; stdout gets "PASSED FAILED". Exits non-zero when a test failed or could not run.
set -uo pipefail
cd "$(dirname "$0")"
. scripts/ensure-node-modules.sh

chromium=${FORMFLOW_CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  echo "$chromium is missing: apt-get install -y chromium (or set FORMFLOW_CHROMIUM)" >&2
  echo "0 1"
  exit 1
fi
if ! ensure_node_modules || ! dotnet build ../hosts/FormFlow.Server --nologo -v q >&2; then
  echo "0 1"
  exit 1
fi

report=node_modules/.e2e-report.json
rm -f "$report"
npx playwright test "$@" >&2
status=$?

# Playwright's JSON report: stats.expected = passed, unexpected = failed, flaky counts as failed here.
counts=$(node -e '
  try {
    const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).stats;
    console.log(`${s.expected} ${s.unexpected + s.flaky}`);
  } catch { console.log("0 1"); }' "$report")
echo "${counts:-0 1}"
[ "$status" -eq 0 ] && [ "${counts#* }" = "0" ]
