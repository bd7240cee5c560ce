#!/usr/bin/env bash
# Starts a Release server on a fresh database with the shipped templates plus tests/load/forty-fields, runs
# submit-load.mjs against it, stops it. Usage: bash tests/load/run.sh [sqlite|postgres "<connection string>"] [total] [concurrency]
set -euo pipefail
cd "$(dirname "$0")/../.."
provider=${1:-sqlite}; connection=${2:-}; total=${3:-5000}; concurrency=${4:-100}; port=${FORMFLOW_LOAD_PORT:-5099}
work=$(mktemp -d /tmp/formflow-load.XXXXXX)
dotnet build hosts/FormFlow.Server -c Release -v q --nologo >/dev/null
cp -r hosts/FormFlow.Server/bin/Release/net10.0/module-templates "$work/templates"
cp -r tests/load/forty-fields "$work/templates/"
args=(--urls http://127.0.0.1:$port --FormFlow:DataFolder="$work/data" --FormFlow:ModuleTemplates="$work/templates"
      --RateLimits:SubmissionPermits=100000000 --Database:Provider="$provider" --Logging:LogLevel:Default=Warning)
[ -n "$connection" ] && args+=(--Database:ConnectionString="$connection")
dotnet hosts/FormFlow.Server/bin/Release/net10.0/FormFlow.Server.dll "${args[@]}" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; grep -oE "[A-Za-z.]+Exception: [^\\\"]{0,120}" "$work/server.log" | sort | uniq -c | sort -rn | head -5 >&2; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do curl -sf http://127.0.0.1:$port/health >/dev/null && break; sleep 1; done
node tests/load/submit-load.mjs http://127.0.0.1:$port 200 20 >/dev/null   # warm-up
node tests/load/submit-load.mjs http://127.0.0.1:$port "$total" "$concurrency"
