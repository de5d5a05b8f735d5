#!/bin/sh
# regionlab-cli under valgrind: no memory definitely lost, with string options
# given over their defaults and on the paths that fail early.
# $1: the regionlab-cli executable. Skipped without valgrind.
set -eu
CLI=$1
fail () { echo "FAIL: $*" >&2; exit 1; }
command -v valgrind > /dev/null || { echo "valgrind absent: skipped"; exit 77; }
P=$RL_SOURCE_DATA/datasets/russia-regions.csv
SUPP=$(dirname "$0")/../valgrind.supp
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# leak_free ARGS…: regionlab-cli ARGS… (whatever its exit status) loses no memory.
leak_free () {
  G_SLICE=always-malloc valgrind -q --leak-check=full --errors-for-leak-kinds=definite \
    --show-leak-kinds=definite --error-exitcode=99 --suppressions="$SUPP" \
    --log-file="$tmp/vg.log" "$CLI" "$@" > /dev/null 2>&1 || status=$?
  [ "${status:-0}" -ne 99 ] || fail "memory lost by: $* — $(cat "$tmp/vg.log")"
  status=0
}

leak_free cluster --method kmeans --k 3 --scale minmax --missing median --year 2017 \
  --features poverty_percent,cash_income "$P"
leak_free rate --preset study --scale rank --missing drop --year 2017 --polarity poverty_percent=+ "$P"
leak_free plot --chart scatter --scale z --missing drop --features poverty_percent,cash_income \
  --year 2017 --width 100 --height 100 -o "$tmp/x.png" "$P"
leak_free group --scale z "$P"
leak_free relate --target nope --scale z "$P"
leak_free cluster --method kmeans --k 3 --scale z --n-init 0 "$P"
