#!/usr/bin/env bash
# Runs the whole test suite: every .NET test project (unit, integration, conformance, CLI), the designer's Vitest suite
# and its Playwright browser tests.
# The server's integration tests need a PostgreSQL server: unless FORMFLOW_TEST_POSTGRES already holds a
# connection string, a throwaway cluster is started here (Debian's postgresql package) and removed at exit.
# Prints one closing line "N passed, N failed" summed over all runners.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ -z "${FORMFLOW_TEST_POSTGRES:-}" ]; then
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$bin" ]; then
    echo "PostgreSQL is not installed (apt-get install -y postgresql) and FORMFLOW_TEST_POSTGRES is not set" >&2
  else
    pgdir=$(mktemp -d /tmp/formflow-pg.XXXXXX)
    as_pg=()
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$pgdir"; as_pg=(runuser -u postgres --); fi
    stop_pg() { "${as_pg[@]}" "$bin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1; rm -rf "$pgdir"; }
    trap stop_pg EXIT
    if "${as_pg[@]}" "$bin/initdb" -D "$pgdir/data" -A trust -U postgres >"$pgdir/initdb.log" 2>&1; then
      # A random port; another try on a different one if it happens to be taken.
      for _ in 1 2 3; do
        pgport=$((20000 + RANDOM % 20000))
        if "${as_pg[@]}" "$bin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" \
             -o "-p $pgport -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" -w start >/dev/null; then
          export FORMFLOW_TEST_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres"
          echo "Started a throwaway PostgreSQL on port $pgport"
          break
        fi
      done
    fi
    if [ -z "${FORMFLOW_TEST_POSTGRES:-}" ]; then
      echo "Could not start a throwaway PostgreSQL:" >&2
      cat "$pgdir/initdb.log" "$pgdir/server.log" >&2 2>/dev/null
    fi
  fi
fi

log=$(mktemp)
status=0
# The designer's npm packages are installed once, while .NET restores: the server's build needs them for the Portal
# and the Studio, and run-tests.sh and run-e2e.sh then find them in place (before, the build's `npm ci` left no stamp
# for ensure_node_modules, so the Vitest step ran `npm ci` a second time).
(cd designer && . scripts/ensure-node-modules.sh && ensure_node_modules) &
npm_pid=$!
dotnet restore FormFlow.sln --nologo -v q || status=1
wait "$npm_pid" || status=1
# Built once; the test step and the browser tests' server build find everything up to date.
if dotnet build FormFlow.sln --no-restore --nologo -v q 2>&1 | tee "$log"; then
  dotnet test FormFlow.sln --no-build --nologo -v q 2>&1 | tee -a "$log" || status=1
else
  status=1
fi

# dotnet test prints "Passed!  - Failed: 0, Passed: 12, ..." per test project.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')

# Designer (TypeScript browser runtime): Vitest over the same conformance corpus; its counts join the closing line.
designer_counts=$(bash designer/run-tests.sh) || status=1
passed=$((passed + ${designer_counts% *}))
failed=$((failed + ${designer_counts#* }))

# Browser tests (Playwright, headless Debian Chromium, against the built server): their counts join the line too.
e2e_counts=$(bash designer/run-e2e.sh) || status=1
passed=$((passed + ${e2e_counts% *}))
failed=$((failed + ${e2e_counts#* }))
[ "$passed" -gt 0 ] || status=1
[ "$failed" -eq 0 ] || status=1
echo "${passed} passed, ${failed} failed"
exit $status
