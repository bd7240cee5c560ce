#!/usr/bin/env bash
# Starts a Release demo server on a fresh database and measures a contest rush, then the leaderboard on a big contest:
#  1. contest-rush.mjs: P participants start one attempt each within a one-minute window and answer 20 questions each
#     (answers/s, answer median and p99, start and hand-in p99, load average);
#  2. `formflow contests seed-bests` adds scored participants to that contest until it holds BESTS (100,000) bests,
#     spread over 200 generated grassroots unions, in bulk (the server keeps running);
#  3. leaderboard-read.mjs: the demo worker takes one attempt and reads the people's (top 100 plus my rank) and the
#     unions' leaderboard READS times each (median, p90, p99, load average).
# Prints the two JSON lines. Usage: bash tests/load/contest-rush.sh [sqlite|postgres "<connection string>"]
#   [participants=5000] [concurrency=100] [leaderboardReads=200] [bests=100000] [startWindowSeconds=60]
# PostgreSQL: a database of its own (formflow_rush_<time>_<pid>), dropped afterwards when psql is at hand.
set -euo pipefail
cd "$(dirname "$0")/../.."
provider=${1:-sqlite}; connection=${2:-}; participants=${3:-5000}; concurrency=${4:-100}; reads=${5:-200}; bests=${6:-100000}; window=${7:-60}
port=${FORMFLOW_LOAD_PORT:-5099}
dotnet build hosts/FormFlow.Cli -c Release -v q --nologo -p:SkipWebUi=true >/dev/null
dotnet build hosts/FormFlow.Server -c Release -v q --nologo -p:SkipWebUi=true >/dev/null
server_dir=hosts/FormFlow.Server/bin/Release/net10.0
cli=hosts/FormFlow.Cli/bin/Release/net10.0/formflow.dll
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
rush=$(node tests/load/contest-rush.mjs http://127.0.0.1:$port "$participants" "$concurrency" "$reads" "$window")
echo "$rush"
contest=$(node -e 'console.log(JSON.parse(process.argv[1]).contest)' "$rush")
cli_args=(--provider "$provider" --data-folder "$work/data" --contest "$contest" --participants $((bests > participants ? bests - participants : 1)))
[ -n "$connection" ] && cli_args+=(--connection "$connection")
dotnet "$cli" contests seed-bests "${cli_args[@]}" >&2
node tests/load/leaderboard-read.mjs http://127.0.0.1:$port "$contest" "$reads"
