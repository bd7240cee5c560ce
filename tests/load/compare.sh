#!/usr/bin/env bash
# Runs the load script against this tree and against a baseline commit, alternately, and prints each run, the medians
# of submissions/s, median and p99 latency and server CPU per submission, and this tree's ratio to the baseline —
# the machine is shared and noisy, so only figures from one command are compared. PostgreSQL's own CPU per submission
# too, with FORMFLOW_LOAD_DATABASE_PID (see submit-load.mjs).
# Usage: bash tests/load/compare.sh <baseline-ref> [runs=3] [sqlite|postgres "<connection string>"] [total=3000] [concurrency=100] [rate=0]
set -euo pipefail
cd "$(dirname "$0")/../.."
baseline=${1:?usage: compare.sh <baseline-ref> [runs] [provider] [connection] [total] [concurrency]}
runs=${2:-3}; provider=${3:-sqlite}; connection=${4:-}; total=${5:-3000}; concurrency=${6:-100}; rate=${7:-0}
tree=$(mktemp -d /tmp/formflow-baseline.XXXXXX)
trap 'git worktree remove --force "$tree" >/dev/null 2>&1 || rm -rf "$tree"' EXIT
git worktree add --detach -q "$tree" "$baseline"
dotnet build "$tree/hosts/FormFlow.Server" -c Release -v q --nologo -p:SkipWebUi=true >/dev/null
dotnet build hosts/FormFlow.Server -c Release -v q --nologo -p:SkipWebUi=true >/dev/null
results=$(mktemp)
for i in $(seq 1 "$runs"); do
  for side in baseline current; do
    dir=hosts/FormFlow.Server/bin/Release/net10.0
    [ $side = baseline ] && dir=$tree/$dir
    line=$(FORMFLOW_LOAD_SERVER=$dir bash tests/load/run.sh "$provider" "$connection" "$total" "$concurrency" "$rate")
    echo "$side $line" | tee -a "$results"
  done
done
node -e '
  const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(l => [l.slice(0, l.indexOf(" ")), JSON.parse(l.slice(l.indexOf(" ") + 1))]);
  const median = xs => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
  const keys = ["perSecond", "medianMs", "p99Ms", "serverCpuMsPerSubmission", "databaseCpuMsPerSubmission", "loadToolCpuShareOfMachine"]
    .filter(k => lines.every(([, r]) => k in r));
  const of = side => Object.fromEntries(keys.map(k => [k, median(lines.filter(([s]) => s === side).map(([, r]) => r[k]))]));
  const base = of("baseline"), cur = of("current");
  console.log(`medians of ${lines.length / 2} runs each (${process.argv[2]}):`);
  for (const k of keys) console.log(`  ${k.padEnd(28)} baseline ${String(base[k]).padStart(8)}   current ${String(cur[k]).padStart(8)}   ratio ${(cur[k] / base[k]).toFixed(2)}`);
' "$results" "$provider"
rm -f "$results"
