#!/usr/bin/env bash
# A longer API fuzz run than the suite's fixed-seed one: a random seed (or the one given), printed first so that any
# finding replays with `bash tests/fuzz-api.sh SEED`. CASES inputs per operation and caller (default 60).
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${1:-$(( (RANDOM << 15) | RANDOM ))}
echo "API fuzz seed: $seed (replay: bash tests/fuzz-api.sh $seed)"
FORMFLOW_FUZZ_SEED=$seed FORMFLOW_FUZZ_CASES=${CASES:-60} \
  dotnet test tests/FormFlow.Server.Tests -p:SkipWebUi=true --filter "FullyQualifiedName~Fuzzing.ApiFuzzTests" \
  --logger "console;verbosity=normal"
