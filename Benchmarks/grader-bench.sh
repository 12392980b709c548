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
for exercise in env-settings http-api-orders api-error-codes; do
  [ -d "exercises/$exercise" ] || continue
  cp "exercises/$exercise/solution/python/"* "$work/ws/exercises/$exercise/"
  times=$(for _ in $(seq "$runs"); do seconds "$binary" check "$exercise" --workspace "$work/ws" --course .; done)
  cases=$(python3 -c "import json;s=json.load(open('exercises/$exercise/spec.json'));print(len(s['cases'])+len(s.get('scenarios',[])))")
  echo "check $exercise (python, $cases checks): median $(echo "$times" | median) s over $runs runs"
done
times=$(for _ in $(seq 3); do seconds "$binary" validate --course .; done)
echo "validate (whole course): median $(echo "$times" | median) s over 3 runs"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
