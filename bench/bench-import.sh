#!/bin/sh
# Times the full import of the 22 raw Rosstat files with the shipped recipes
# and derived indicators (target: under 2 s). Not part of the test suite.
#
#   bench/bench-import.sh [REGIONLAB_CLI] [RAW_DIR] [RUNS]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
cli=${1:-$top/build/src/cli/regionlab-cli}
raw=${2:-$top/../shared/data/rosstat}
runs=${3:-5}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
best=
i=0
while [ "$i" -lt "$runs" ]; do
  start=$(date +%s%N)
  "$cli" import -o "$out/panel.csv" "$raw"/*.csv "$raw"/*.xls "$raw"/*.xlsx 2>/dev/null
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  echo "run $((i + 1)): $ms ms"
  if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  i=$((i + 1))
done
files=$(ls "$raw"/*.csv "$raw"/*.xls "$raw"/*.xlsx | wc -l)
echo "import of $files files: best $best ms of $runs runs (target < 2000 ms)"
