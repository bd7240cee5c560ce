#!/usr/bin/env bash
# Fault soak: builds a Release server and runs tests/load/soak-driver.mjs against it for the given minutes — a mixed
# workload from the demo accounts (newcomers created by the district admin answer the survey and the vote and apply to
# join with an uploaded signature; workers ask legal consultations; the reviewer approves joins, the lawyer answers
# consultations; the merchant redeems the new members' benefits; everyone reads the feed, cases and notifications),
# every write with an Idempotency-Key where the API takes one, retried through faults — while the server is SIGKILLed
# at random moments and restarted, its data folder's disk is filled to the brim once, and on PostgreSQL two server
# processes share the database (the kills hit one of them) and the database is stopped and started once. Afterwards it
# reads the database and prints one JSON summary: kills, acknowledged writes, losses and duplicates (goal 0), recovery
# times, 5xx by status and whether inside an outage window. Exit 1 on a loss, a duplicate, a 500 or a 5xx outside an
# outage. Usage: bash tests/load/soak.sh [minutes=10] [sqlite|postgres ["<connection string>"]]
# Needs root: the data folder (SQLite's database, uploads, keys) is a tmpfs of FORMFLOW_SOAK_DISK_MB (default 256) MiB.
# postgres without a connection string starts a throwaway cluster (port FORMFLOW_SOAK_PG_PORT, default 55445) and
# restarts it; with one, the soak migrates a database of its own there (dropped afterwards) and restarts that cluster
# only when FORMFLOW_SOAK_PGDATA names its data directory. Servers listen from FORMFLOW_SOAK_PORT (default 5301).
# FORMFLOW_SOAK_SERVER: a built server folder to run instead of building this tree (two soaks side by side).
set -euo pipefail
cd "$(dirname "$0")/../.."
minutes=${1:-10}; provider=${2:-sqlite}; connection=${3:-}
port=${FORMFLOW_SOAK_PORT:-5301}; disk_mb=${FORMFLOW_SOAK_DISK_MB:-256}; pg_port=${FORMFLOW_SOAK_PG_PORT:-55445}
pg_bin=/usr/lib/postgresql/15/bin
server_dir=${FORMFLOW_SOAK_SERVER:-}
if [ -z "$server_dir" ]; then
  dotnet build hosts/FormFlow.Server -c Release -v q --nologo -p:SkipWebUi=true >/dev/null
  server_dir=$PWD/hosts/FormFlow.Server/bin/Release/net10.0
fi
work=$(mktemp -d /tmp/formflow-soak.XXXXXX)
chmod 755 "$work"
mkdir -p "$work/data" "$work/logs"
cp -r "$server_dir/module-templates" "$work/templates"
pgdata=${FORMFLOW_SOAK_PGDATA:-}; own_cluster=""; database=""; psql_conninfo=""
cleanup() {
  mountpoint -q "$work/data" && umount "$work/data"
  if [ -n "$own_cluster" ]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true
  elif [ -n "$database" ]; then
    psql "${psql_conninfo% dbname=*} dbname=postgres" -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || echo "left database $database behind" >&2
  fi
  if [ "${status:-1}" -ne 0 ]; then
    echo "server logs kept in /tmp/formflow-soak-logs.$$" >&2
    cp -r "$work/logs" "/tmp/formflow-soak-logs.$$"
  fi
  rm -rf "$work"
}
trap 'status=$?; cleanup; exit $status' EXIT
if ! mount -t tmpfs -o size=${disk_mb}m soak "$work/data"; then
  echo "soak.sh needs root to mount a size-limited tmpfs for the data folder (the full-disk fault)" >&2
  exit 2
fi

ports=$port
if [ "$provider" = postgres ]; then
  ports="$port,$((port + 1))"
  if [ -z "$connection" ]; then
    own_cluster=1
    pgdata=$work/pg/data
    mkdir -p "$work/pg" && chown postgres "$work/pg"
    runuser -u postgres -- "$pg_bin/initdb" -D "$pgdata" -A trust -U postgres >/dev/null
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pgdata" -l "$work/pg/log" -w \
      -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
    connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
  fi
  database=formflow_soak_$(date +%s)_$$
  connection="$(echo "$connection" | sed -E 's/(^|;) *Database=[^;]*//I');Database=$database"
  # psql takes libpq keywords: the connection string's host, port, user and password, at the soak's database.
  psql_conninfo=$(node -e 'const map = { host: "host", server: "host", port: "port", username: "user", "user id": "user", password: "password" };
    console.log(process.argv[1].split(";").map(p => p.split("=")).filter(([k, v]) => v && map[k.trim().toLowerCase()])
      .map(([k, v]) => `${map[k.trim().toLowerCase()]}=${v.trim()}`).concat("dbname=" + process.argv[2]).join(" "));' "$connection" "$database")
  # Created here so that the two servers starting together migrate one existing database.
  psql "${psql_conninfo% dbname=*} dbname=postgres" -qc "CREATE DATABASE $database" >/dev/null
fi

status=0
FORMFLOW_SOAK_MINUTES=$minutes FORMFLOW_SOAK_PROVIDER=$provider FORMFLOW_SOAK_CONNECTION=$connection \
FORMFLOW_SOAK_SERVER_DLL=$server_dir/FormFlow.Server.dll FORMFLOW_SOAK_DATA=$work/data FORMFLOW_SOAK_TEMPLATES=$work/templates \
FORMFLOW_SOAK_LOGS=$work/logs FORMFLOW_SOAK_PORTS=$ports FORMFLOW_SOAK_PGDATA=$pgdata FORMFLOW_SOAK_PSQL=$psql_conninfo \
  node tests/load/soak-driver.mjs || status=$?
grep -ohE "[A-Za-z.]+Exception: [^\"]{0,120}" "$work"/logs/*.log | sort | uniq -c | sort -rn | head -8 >&2 || true
exit $status
