#!/usr/bin/env bash
# Starts a Release server on a fresh database with the shipped templates plus tests/load/forty-fields, runs
# submit-load.mjs against it, stops it, and prints one JSON line: submit-load's figures plus the server's own CPU time
# per submission. Usage: bash tests/load/run.sh [sqlite|postgres "<connection string>"] [total] [concurrency] [rate]
# (rate: submissions due per second, an open loop; 0 or none: a closed loop, see submit-load.mjs).
# Before measuring it warms the server up to its steady state: .NET compiles hot code again, optimised, for the first
# tens of thousands of requests, and on two cores that background work halves throughput for a minute or more. Rounds
# of 3000 closed-loop submissions run until two in a row are no more than 5% faster than the best before them (at most
# FORMFLOW_LOAD_WARMUP_ROUNDS, default 15; 0 skips the warm-up, measuring a freshly started server).
# PostgreSQL: each run migrates a database of its own (formflow_load_<time>_<pid>, replacing the string's Database)
# and drops it afterwards when psql is at hand. FORMFLOW_LOAD_SERVER: a built server folder to run instead of
# building this tree (tests/load/compare.sh uses it for the baseline).
set -euo pipefail
cd "$(dirname "$0")/../.."
provider=${1:-sqlite}; connection=${2:-}; total=${3:-5000}; concurrency=${4:-100}; rate=${5:-0}
port=${FORMFLOW_LOAD_PORT:-5099}; warmup_rounds=${FORMFLOW_LOAD_WARMUP_ROUNDS:-15}
server_dir=${FORMFLOW_LOAD_SERVER:-}
if [ -z "$server_dir" ]; then
  dotnet build hosts/FormFlow.Server -c Release -v q --nologo -p:SkipWebUi=true >/dev/null
  server_dir=hosts/FormFlow.Server/bin/Release/net10.0
fi
work=$(mktemp -d /tmp/formflow-load.XXXXXX)
cp -r "$server_dir/module-templates" "$work/templates"
cp -r tests/load/forty-fields "$work/templates/"
database=""
if [ "$provider" = postgres ]; then
  database=formflow_load_$(date +%s)_$$
  connection="$(echo "$connection" | sed -E 's/(^|;) *Database=[^;]*//I');Database=$database"
fi
args=(--urls http://127.0.0.1:$port --FormFlow:DataFolder="$work/data" --FormFlow:ModuleTemplates="$work/templates"
      --RateLimits:SubmissionPermits=100000000 --Database:Provider="$provider" --Logging:LogLevel:Default=Warning)
[ -n "$connection" ] && args+=(--Database:ConnectionString="$connection")
dotnet "$server_dir/FormFlow.Server.dll" "${args[@]}" >"$work/server.log" 2>&1 &
server=$!
cleanup() {
  kill $server 2>/dev/null; wait $server 2>/dev/null || true
  grep -oE "[A-Za-z.]+Exception: [^\\\"]{0,120}" "$work/server.log" | sort | uniq -c | sort -rn | head -5 >&2 || true
  if [ -n "$database" ] && command -v psql >/dev/null; then
    # psql takes libpq keywords: the connection string's host, port, user and password, at the maintenance database.
    conninfo=$(node -e 'const map = { host: "host", server: "host", port: "port", username: "user", "user id": "user", password: "password" };
      console.log(process.argv[1].split(";").map(p => p.split("=")).filter(([k, v]) => v && map[k.trim().toLowerCase()])
        .map(([k, v]) => `${map[k.trim().toLowerCase()]}=${v.trim()}`).concat("dbname=postgres").join(" "));' "$connection")
    psql "$conninfo" -qc "DROP DATABASE IF EXISTS $database" >/dev/null 2>&1 || echo "left database $database behind" >&2
  fi
  rm -rf "$work"
}
trap 'status=$?; cleanup; exit $status' EXIT
for _ in $(seq 1 60); do curl -sf http://127.0.0.1:$port/health >/dev/null && break; sleep 1; done
rounds=0; best=0; flat=0
while [ "$rounds" -lt "$warmup_rounds" ] && [ "$flat" -lt 2 ]; do
  rounds=$((rounds + 1))
  speed=$(node tests/load/submit-load.mjs http://127.0.0.1:$port 3000 "$concurrency" | node -pe 'JSON.parse(require("fs").readFileSync(0)).perSecond')
  echo "warm-up round $rounds: $speed submissions/s" >&2
  if node -e 'process.exit(+process.argv[1] > 1.05 * +process.argv[2] ? 0 : 1)' "$speed" "$best"; then best=$speed; flat=0; else flat=$((flat + 1)); fi
done
ticks() { awk '{print $14 + $15}' /proc/$server/stat; }
before=$(ticks)
result=$(node tests/load/submit-load.mjs http://127.0.0.1:$port "$total" "$concurrency" "$rate")
after=$(ticks)
node -e 'const r = JSON.parse(process.argv[1]); r.serverCpuMsPerSubmission = +((process.argv[2] * 1000 / process.argv[3]) / process.argv[4]).toFixed(2);
  r.warmUpSubmissions = +process.argv[5]; console.log(JSON.stringify(r));' \
  "$result" "$((after - before))" "$(getconf CLK_TCK)" "$total" "$((rounds * 3000))"
