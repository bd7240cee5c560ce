#!/usr/bin/env bash
# Statistics on a generated city: generates (or reuses) a city with `formflow db generate`, starts a Release server on
# it and prints, per endpoint and viewer, the median and p90 of repeated calls (curl's total time, after two warm-up
# calls). Not a timed test: the figures are for the report (issue 17's targets: city ≤ 200 ms on PostgreSQL, ≤ 500 ms
# on SQLite, a district ≤ 50 ms, a ranking of 3,000 grassroots unions ≤ 100 ms).
# Usage: bash tests/load/city-stats.sh [sqlite|postgres "<connection string>"]
# Environment: CITY_MEMBERS (1000000), CITY_ORGS (3000), CITY_YEARS (3), CITY_SEED (42), CITY_UNTIL (2026-12-01),
# CITY_FOLDER (the city's data folder, reused when it holds generated.json: /tmp/formflow-city-<provider>-<size>),
# CITY_REPEATS (20), CITY_ONLY (a grep -E pattern: only the endpoints whose label matches), FORMFLOW_LOAD_PORT (5098). PostgreSQL: the city is the database formflow_city_<size> on that
# server, kept for the next run (drop it by hand).
set -euo pipefail
cd "$(dirname "$0")/../.."
provider=${1:-sqlite}; connection=${2:-}
members=${CITY_MEMBERS:-1000000}; orgs=${CITY_ORGS:-3000}; years=${CITY_YEARS:-3}; seed=${CITY_SEED:-42}; until=${CITY_UNTIL:-2026-12-01}
repeats=${CITY_REPEATS:-20}; port=${FORMFLOW_LOAD_PORT:-5098}
size="${members}m-${orgs}o-${years}y-s${seed}"
folder=${CITY_FOLDER:-/tmp/formflow-city-$provider-$size}

# The calls measured: "label|path" — one line per endpoint (the path is called as each viewer below).
endpoints=(
  "stats|/api/stats"
  "stats, last 12 months|/api/stats?from=$(date -u -d "$until -1 year" +%F)&to=$until"
  "figures by child org|/api/stats/figures"
  "figures, last 12 months|/api/stats/figures?from=$(date -u -d "$until -1 year" +%F)&to=$until"
  "trend by month, all time|/api/stats/figures/trend?grain=month"
  "grassroots ranked by on-time rate|/api/stats/figures/ranking?level=grassroots&sort=onTimeRate&order=asc&limit=50"
  "heat, lowest on-time rates|/api/stats/figures/heat?level=grassroots"
)
# Who calls them: "label|user name" (demo accounts, password FORMFLOW_DEMO_PASSWORD or demo).
viewers=(
  "city leader (designer @ city)|designer"
  "district leader (district-admin @ 东城区)|district-admin"
)

dotnet build hosts/FormFlow.Cli -c Release -v q --nologo -p:SkipWebUi=true >/dev/null
dotnet build hosts/FormFlow.Server -c Release -v q --nologo -p:SkipWebUi=true >/dev/null
database=""
db_args=(--provider "$provider" --data-folder "$folder")
if [ "$provider" = postgres ]; then
  database=formflow_city_${size//-/_}
  connection="$(echo "$connection" | sed -E 's/(^|;) *Database=[^;]*//I');Database=$database"
  db_args+=(--connection "$connection")
fi
mkdir -p "$folder"
if [ ! -f "$folder/generated.json" ]; then
  echo "generating $size on $provider into ${database:-$folder} (load average: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  if [ "$provider" = postgres ] && command -v psql >/dev/null; then
    conninfo=$(node -e 'const map = { host: "host", server: "host", port: "port", username: "user", "user id": "user", password: "password" };
      console.log(process.argv[1].split(";").map(p => p.split("=")).filter(([k, v]) => v && map[k.trim().toLowerCase()])
        .map(([k, v]) => `${map[k.trim().toLowerCase()]}=${v.trim()}`).concat("dbname=postgres").join(" "));' "$connection")
    psql "$conninfo" -qc "CREATE DATABASE $database" >/dev/null 2>&1 || true
  fi
  start=$(date +%s)
  dotnet hosts/FormFlow.Cli/bin/Release/net10.0/formflow.dll db generate --members "$members" --orgs "$orgs" --years "$years" --seed "$seed" \
    --until "$until" "${db_args[@]}" > "$folder/generated.json.part"
  mv "$folder/generated.json.part" "$folder/generated.json"
  echo "generated in $(( $(date +%s) - start )) s (load average now: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
fi

work=$(mktemp -d /tmp/formflow-city-stats.XXXXXX)
server_dir=hosts/FormFlow.Server/bin/Release/net10.0
# The dispatcher stays off: a city generated up to --until has the timers due since then waiting, and working them off
# (escalations, reminders) would run beside the calls measured and change the city between runs.
args=(--urls http://127.0.0.1:$port --FormFlow:DataFolder="$folder" --Database:Provider="$provider" --Logging:LogLevel:Default=Warning
      --RateLimits:LoginPermits=100000 --Dispatcher:Enabled=false)
[ -n "$connection" ] && args+=(--Database:ConnectionString="$connection")
dotnet "$server_dir/FormFlow.Server.dll" "${args[@]}" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do curl -sf http://127.0.0.1:$port/health >/dev/null && break; sleep 1; done

password=${FORMFLOW_DEMO_PASSWORD:-demo}
printf '%-44s %-32s %10s %10s %8s\n' "viewer" "endpoint" "median ms" "p90 ms" "calls"
for viewer in "${viewers[@]}"; do
  who=${viewer%%|*}; user=${viewer##*|}; jar="$work/$user.cookies"
  curl -sf -c "$jar" -H 'Content-Type: application/json' -d "{\"userName\":\"$user\",\"password\":\"$password\"}" \
    http://127.0.0.1:$port/api/auth/login >/dev/null || { echo "cannot sign in as $user" >&2; exit 1; }
  for endpoint in "${endpoints[@]}"; do
    label=${endpoint%%|*}; path=${endpoint#*|}
    if [ -n "${CITY_ONLY:-}" ] && ! echo "$label" | grep -qE "$CITY_ONLY"; then continue; fi
    for _ in 1 2; do curl -sf -b "$jar" "http://127.0.0.1:$port$path" >/dev/null; done
    times=$(for _ in $(seq 1 "$repeats"); do curl -sf -o /dev/null -b "$jar" -w '%{time_total}\n' "http://127.0.0.1:$port$path"; done | sort -n)
    median=$(echo "$times" | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) * 1000 }')
    p90=$(echo "$times" | awk '{ a[NR] = $1 } END { i = int(NR * 0.9 + 0.999); print a[i] * 1000 }')
    printf '%-44s %-32s %10.1f %10.1f %8d\n' "$who" "$label" "$median" "$p90" "$repeats"
  done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); city: $size on $provider (${database:-$folder})"
