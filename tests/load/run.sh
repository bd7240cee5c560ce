#!/usr/bin/env bash
# Starts a Release server on a fresh database with the shipped templates plus tests/load/forty-fields, runs
# submit-load.mjs against it, stops it, and prints one JSON line: submit-load's figures plus the server's own CPU time
# per submission. Usage: bash tests/load/run.sh [sqlite|postgres "<connection string>"] [total] [concurrency] [rate]
# (rate: submissions due per second, an open loop; 0 or none: a closed loop, see submit-load.mjs).
# FORMFLOW_LOAD_KINDS="cases answers" measures case submissions and once-per-member survey answers of the same form on
# the same server, alternately FORMFLOW_LOAD_REPEATS times (default 1), one JSON line each, then a line of medians
# and the answers' ratio to the cases (tests/load/answers-vs-cases.sh). Default: cases only.
# Before measuring it warms the server up to its steady state: .NET compiles hot code again, optimised, for the first
# tens of thousands of requests, and on two cores that background work halves throughput for a minute or more. Rounds
# of 3000 closed-loop submissions (and as many answers, when measured) run until two in a row are no more than 5%
# faster than the best before them (at most FORMFLOW_LOAD_WARMUP_ROUNDS, default 15; 0 skips the warm-up, measuring a
# freshly started server).
# PostgreSQL: each run migrates a database of its own (formflow_load_<time>_<pid>, replacing the string's Database)
# and drops it afterwards when psql is at hand. FORMFLOW_LOAD_SERVER: a built server folder to run instead of
# building this tree (tests/load/compare.sh uses it for the baseline).
set -euo pipefail
cd "$(dirname "$0")/../.."
provider=${1:-sqlite}; connection=${2:-}; total=${3:-5000}; concurrency=${4:-100}; rate=${5:-0}
port=${FORMFLOW_LOAD_PORT:-5099}; warmup_rounds=${FORMFLOW_LOAD_WARMUP_ROUNDS:-15}
kinds=${FORMFLOW_LOAD_KINDS:-cases}; repeats=${FORMFLOW_LOAD_REPEATS:-1}
server_dir=${FORMFLOW_LOAD_SERVER:-}
if [ -z "$server_dir" ]; then
  dotnet build hosts/FormFlow.Server -c Release -v q --nologo -p:SkipWebUi=true >/dev/null
  server_dir=hosts/FormFlow.Server/bin/Release/net10.0
fi
work=$(mktemp -d /tmp/formflow-load.XXXXXX)
cp -r "$server_dir/module-templates" "$work/templates"
cp -r tests/load/forty-fields "$work/templates/"
# The same form as a survey taken once per member, and a copy without a limit that one account can warm up.
for variant in forty-fields-answers:once forty-fields-answers-warmup:unlimited; do
  key=${variant%%:*}; limit=${variant##*:}
  cp -r tests/load/forty-fields "$work/templates/$key"
  node -e 'const fs = require("fs"), [dir, key, limit] = process.argv.slice(1);
    const module = JSON.parse(fs.readFileSync(`${dir}/module.json`, "utf8"));
    Object.assign(module, { id: key, submissions: "responses", settings: { responseLimit: { label: { "zh-CN": "答题次数" }, value: limit } } });
    fs.writeFileSync(`${dir}/module.json`, JSON.stringify(module));
    fs.writeFileSync(`${dir}/workflow.json`, JSON.stringify({ id: `${key}-answers`, version: 1, name: "答卷不进入办理流程",
      activities: [{ id: "start", type: "start", inputs: { trigger: "formSubmission", formId: "forty-fields" } }, { id: "end", type: "end" }],
      connections: [{ source: "start", target: "end" }] }));' "$work/templates/$key" "$key" "$limit"
done
database=""
if [ "$provider" = postgres ]; then
  database=formflow_load_$(date +%s)_$$
  connection="$(echo "$connection" | sed -E 's/(^|;) *Database=[^;]*//I');Database=$database"
fi
args=(--urls http://127.0.0.1:$port --FormFlow:DataFolder="$work/data" --FormFlow:ModuleTemplates="$work/templates"
      --RateLimits:SubmissionPermits=100000000 --RateLimits:LoginPermits=100000000 --Database:Provider="$provider" --Logging:LogLevel:Default=Warning)
[ -n "$connection" ] && args+=(--Database:ConnectionString="$connection")
. tests/load/serve.sh
rounds=0; best=0; flat=0
while [ "$rounds" -lt "$warmup_rounds" ] && [ "$flat" -lt 2 ]; do
  rounds=$((rounds + 1))
  speed=$(FORMFLOW_LOAD_MEMBERS=0 node tests/load/submit-load.mjs http://127.0.0.1:$port 3000 "$concurrency" | node -pe 'JSON.parse(require("fs").readFileSync(0)).perSecond')
  echo "warm-up round $rounds: $speed submissions/s" >&2
  if [[ " $kinds " == *" answers "* ]]; then
    node tests/load/submit-load.mjs http://127.0.0.1:$port 3000 "$concurrency" 0 answers-warmup | node -pe '"  and " + JSON.parse(require("fs").readFileSync(0)).perSecond + " answers/s"' >&2
  fi
  if node -e 'process.exit(+process.argv[1] > 1.05 * +process.argv[2] ? 0 : 1)' "$speed" "$best"; then best=$speed; flat=0; else flat=$((flat + 1)); fi
done
# submit-load reads the server's CPU ticks itself around the measured submissions (not an answers run's sign-ups).
export FORMFLOW_LOAD_SERVER_PID=$server
lines=$(mktemp)
for _ in $(seq 1 "$repeats"); do
  for kind in $kinds; do
    node tests/load/submit-load.mjs http://127.0.0.1:$port "$total" "$concurrency" "$rate" "$kind" |
      node -e 'const r = JSON.parse(require("fs").readFileSync(0, "utf8")); r.warmUpSubmissions = +process.argv[1]; console.log(JSON.stringify(r));' "$((rounds * 3000))" |
      tee -a "$lines"
  done
done
if [ "$(wc -w <<<"$kinds")" -gt 1 ]; then
  node -e '
    const runs = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(l => JSON.parse(l));
    const median = xs => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
    const keys = ["perSecond", "medianMs", "p99Ms", "serverCpuMsPerSubmission"];
    const of = kind => Object.fromEntries(keys.map(k => [k, median(runs.filter(r => r.kind === kind).map(r => r[k]))]));
    const medians = Object.fromEntries([...new Set(runs.map(r => r.kind))].map(k => [k, of(k)]));
    const [first, second] = Object.keys(medians);
    const ratio = Object.fromEntries(keys.map(k => [k, +(medians[second][k] / medians[first][k]).toFixed(3)]));
    console.log(JSON.stringify({ medians, [`${second}Per${first[0].toUpperCase()}${first.slice(1)}`]: ratio }));' "$lines"
fi
rm -f "$lines"
