#!/bin/sh
# regionlab-cli: every whole-number option of every command is checked against
# its range and the cap of rl-limits.h before anything is allocated or run:
# exit status 2 and a message naming the option, its range and the cap.
# $1: the regionlab-cli executable.
set -eu
CLI=$1
. "$(dirname "$0")/rl-cli-test.sh"
P=$RL_SOURCE_DATA/datasets/russia-regions.csv
BIG=2147483647

# expect_range COMMAND OPTION VALUE RANGE [CAP]: exit status 2, and the message names the
# option, its value, its range and the cap.
expect_range () {
  command=$1 option=$2 value=$3 range=$4 cap=${5:-}
  case $command in
    cluster|select-k|stability) extra="--method kmeans" ;;
    track) extra="--method kmeans --k 3 --from 2010 --to 2017" ;;
    plot) extra="--chart scatter -o /nonexistent/x.png" ;;
    dynamics) extra="--from 2010 --to 2017" ;;
    *) extra="" ;;
  esac
  # shellcheck disable=SC2086
  expect_fail "$command: $option $value is out of range: expected .* from $range${cap:+ (the cap $cap}" \
    $command $extra "$option" "$value" "$P"
}

for c in cluster track plot; do
  expect_range $c --k -3 "0 to 1000" RL_LIMIT_K
  expect_range $c --k $BIG "0 to 1000" RL_LIMIT_K
  expect_range $c --n-init $BIG "1 to 10000" RL_LIMIT_RESTARTS
  expect_range $c --n-init 0 "1 to 10000" RL_LIMIT_RESTARTS
  expect_range $c --iterations $BIG "1 to 1000000" RL_LIMIT_ITERATIONS
  expect_range $c --population $BIG "4 to 100000" RL_LIMIT_POPULATION
  expect_range $c --population 3 "4 to 100000" RL_LIMIT_POPULATION
done
for c in cluster select-k track; do
  expect_range $c --max-iter $BIG "0 to 1000000" RL_LIMIT_ITERATIONS
  expect_range $c --max-iter -1 "0 to 1000000" RL_LIMIT_ITERATIONS
done
expect_range select-k --k-min 0 "1 to 1000" RL_LIMIT_K
expect_range select-k --k-max $BIG "1 to 1000" RL_LIMIT_K
expect_range compare --k-min -1 "1 to 1000" RL_LIMIT_K
expect_range compare --k-max $BIG "1 to 1000" RL_LIMIT_K
expect_range compare --iterations $BIG "1 to 1000000" RL_LIMIT_ITERATIONS
expect_range compare --population $BIG "4 to 100000" RL_LIMIT_POPULATION
for c in rate dynamics; do
  expect_range $c --uncertainty $BIG "0 to 100000" RL_LIMIT_UNCERTAINTY
  expect_range $c --uncertainty -1 "0 to 100000" RL_LIMIT_UNCERTAINTY
  expect_range $c --top 0 "1 to 1048576" RL_LIMIT_SHEET_ROWS
  expect_range $c --top $BIG "1 to 1048576" RL_LIMIT_SHEET_ROWS
done
expect_range dynamics --watch $BIG "0 to 1000" RL_LIMIT_K
expect_range plot --uncertainty $BIG "0 to 100000" RL_LIMIT_UNCERTAINTY
expect_range plot --n-classes 13 "1 to 12"
expect_range plot --width 10 "50 to 20000"
expect_range plot --height $BIG "50 to 20000"
expect_range stability --k $BIG "0 to 1000" RL_LIMIT_K
expect_range stability --n-init $BIG "1 to 10000" RL_LIMIT_RESTARTS
expect_range stability --runs $BIG "1 to 10000" RL_LIMIT_STABILITY_RUNS
expect_range stability --runs 0 "1 to 10000" RL_LIMIT_STABILITY_RUNS
expect_range stability --bootstrap $BIG "0 to 10000" RL_LIMIT_STABILITY_RUNS
expect_range stability --bootstrap -1 "0 to 10000" RL_LIMIT_STABILITY_RUNS
expect_range pca --components -1 "0 to 16384" RL_LIMIT_SHEET_COLS
expect_range pca --components $BIG "0 to 16384" RL_LIMIT_SHEET_COLS

# Numbers inside an option's text: the groups of a grouping scheme.
for scheme in equal-interval equal-frequency; do
  expect_fail "--scheme $scheme:4000000000: 4000000000 groups are out of range: expected a number of groups from 1 to 1000 (the cap RL_LIMIT_K" \
    group --feature poverty_percent --year 2017 --scheme "$scheme:4000000000" "$P"
done

# Values inside the range still run.
"$CLI" rate --preset study --year 2017 --uncertainty 10 --top 5 "$P" > /dev/null ||
  fail "rate inside the ranges"
# A labels file with a cluster number past the cap.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '{"labels": [{"region": "RU-BEL", "cluster": %s}, 3, {"region": [1]}]}\n' $BIG > "$tmp/l.json"
expect_fail "cluster” number from 0 to 999 (the cap RL_LIMIT_K" \
  group --feature poverty_percent --year 2017 --by-labels "$tmp/l.json" "$P"
