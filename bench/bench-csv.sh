#!/bin/sh
# Generates large CSV files (never committed) and reads them: time, MB/s and
# the peak resident set size that /usr/bin/time -v reports. Targets: a long
# panel loads with a peak RSS under 3 × its size; CSV parses at 100 MB/s or
# better. Not part of the test suite.
#
#   bench/bench-csv.sh [BUILD_DIR [LONG_MB [RAW_MB]]]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
long_mb=${2:-200}
raw_mb=${3:-100}
bench=$build/bench/bench-csv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run () {
  /usr/bin/time -v "$bench" "$@" 2> "$tmp/time" || grep -v "^\s" "$tmp/time" || true
  grep -E "Maximum resident set size|Elapsed" "$tmp/time" | sed 's/^\t*/  /'
}

"$bench" generate long "$long_mb" "$tmp/long.csv"
"$bench" generate wide "$raw_mb" "$tmp/wide.csv"
"$bench" generate long "$raw_mb" "$tmp/long-raw.csv"
ls -l "$tmp"/*.csv | awk '{ print "  " $5 " bytes  " $NF }'
"$bench" generate long 60 "$tmp/long-60.csv"
run panel "$tmp/long-60.csv"
run panel "$tmp/long.csv"
"$bench" resave "$tmp/long.csv" "$tmp/saved.csv"
echo "  (saved.csv: long.csv saved again by rl_panel_save, with its sidecar: the SHA-256 is checked)"
run panel "$tmp/saved.csv"
run panel "$tmp/wide.csv"
run raw "$tmp/wide.csv"
run raw "$tmp/long-raw.csv"
