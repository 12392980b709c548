#!/usr/bin/env bash
# Grader benchmark: median wall time of `check` on exercises (reference solution in a fresh
# workspace) and of `validate` on the whole course. Usage:
#   Benchmarks/grader-bench.sh [BINARY] [RUNS]     (default .build/release/lambdalings, 7 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/release/lambdalings}
runs=${2:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N); echo "$end - $start" | bc; }

"$binary" init "$work/ws" --course . >/dev/null 2>&1
# Baseline, timed next to every measured run so that load affects both alike: one cold
# invocation of a trivial Python handler.
mkdir -p "$work/base"
printf 'def lambda_handler(event, context):\n    return 1\n' >"$work/base/lambda_function.py"
baseline() { seconds "$binary" invoke "$work/base/lambda_function.py"; }
ratio() { echo "scale=2; $1 / $2" | bc; }
all_base=""
for exercise in env-settings http-api-orders api-error-codes; do
  [ -d "exercises/$exercise" ] || continue
  cp "exercises/$exercise/solution/python/"* "$work/ws/exercises/$exercise/"
  times="" base=""
  for _ in $(seq "$runs"); do
    base+="$(baseline)"$'\n'
    times+="$(seconds "$binary" check "$exercise" --workspace "$work/ws" --course .)"$'\n'
  done
  all_base+="$base"
  cases=$(python3 -c "import json;s=json.load(open('exercises/$exercise/spec.json'));print(len(s['cases'])+len(s.get('scenarios',[])))")
  t=$(echo -n "$times" | median) b=$(echo -n "$base" | median)
  echo "check $exercise (python, $cases checks): median $t s over $runs runs; baseline $b s; ratio $(ratio "$t" "$b")"
done
times="" base=""
for _ in $(seq 3); do
  base+="$(baseline)"$'\n'
  times+="$(seconds "$binary" validate --course .)"$'\n'
done
t=$(echo -n "$times" | median) b=$(echo -n "$base" | median)
echo "validate (whole course): median $t s over 3 runs; baseline $b s; ratio $(ratio "$t" "$b")"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
