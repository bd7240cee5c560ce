#!/usr/bin/env bash
# Starts a Release demo server on a fresh database, runs contest-rush.mjs against it, stops it, and prints its JSON line.
# Usage: bash tests/load/contest-rush.sh [sqlite|postgres "<connection string>"] [participants=5000] [concurrency=100] [leaderboardReads=200]
# PostgreSQL: a database of its own (formflow_rush_<time>_<pid>), dropped afterwards when psql is at hand.
set -euo pipefail
cd "$(dirname "$0")/../.."
provider=${1:-sqlite}; connection=${2:-}; participants=${3:-5000}; concurrency=${4:-100}; reads=${5:-200}
port=${FORMFLOW_LOAD_PORT:-5099}
dotnet build hosts/FormFlow.Server -c Release -v q --nologo -p:SkipWebUi=true >/dev/null
server_dir=hosts/FormFlow.Server/bin/Release/net10.0
work=$(mktemp -d /tmp/formflow-rush.XXXXXX)
database=""
if [ "$provider" = postgres ]; then
  database=formflow_rush_$(date +%s)_$$
  connection="$(echo "$connection" | sed -E 's/(^|;) *Database=[^;]*//I');Database=$database"
fi
args=(--urls http://127.0.0.1:$port --FormFlow:DataFolder="$work/data" --RateLimits:SubmissionPermits=100000000
      --RateLimits:LoginPermits=100000000 --Database:Provider="$provider" --Logging:LogLevel:Default=Warning)
[ -n "$connection" ] && args+=(--Database:ConnectionString="$connection")
. tests/load/serve.sh
node tests/load/contest-rush.mjs http://127.0.0.1:$port "$participants" "$concurrency" "$reads"
