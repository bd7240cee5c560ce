#!/usr/bin/env bash
# What an answer to a survey taken once per member costs against a case submission of the same 40-field form, on one
# warm server: runs tests/load/run.sh with FORMFLOW_LOAD_KINDS="cases answers", alternating `repeats` times, and prints
# each run and the medians with the answers' ratio to the cases (serverCpuMsPerSubmission is the cost). Both kinds are
# sent by fresh members, one submission each (FORMFLOW_LOAD_MEMBERS=1): the first request of an account costs more
# than the thousandth of one warm account, whatever it submits.
# Usage: bash tests/load/answers-vs-cases.sh [repeats=3] [sqlite|postgres "<connection string>"] [total=2000] [concurrency=50]
set -euo pipefail
cd "$(dirname "$0")/../.."
repeats=${1:-3}; provider=${2:-sqlite}; connection=${3:-}; total=${4:-2000}; concurrency=${5:-50}
FORMFLOW_LOAD_MEMBERS=1 FORMFLOW_LOAD_KINDS="cases answers" FORMFLOW_LOAD_REPEATS=$repeats bash tests/load/run.sh "$provider" "$connection" "$total" "$concurrency" 0
