#!/bin/sh
# regionlab-cli group and relate, end to end: the worked grouping example and bad input.
# $1: the regionlab-cli executable.
set -eu
CLI=$1
DATA=$RL_TEST_DATA
fail () { echo "FAIL: $*" >&2; exit 1; }
py () { python3 -c "import json,sys; d=json.load(sys.stdin); $1"; }

# The worked example: breaks 0.6, 1.0, 1.9, 3.0 give groups 7/5/6/7/5,
# within 0.5092 and between 2.8309 (rounded as published).
"$CLI" group --feature v --scheme breaks:0.6,1.0,1.9,3.0 --json "$DATA/grouping-example.csv" | py '
n=[g["n"] for g in d["groups"]]
assert n==[7,5,6,7,5], n
assert abs(d["within_variance"]-0.5092)<5e-5, d["within_variance"]
assert abs(d["between_variance"]-2.8309)<5e-5, d["between_variance"]
assert abs(d["total_variance"]-d["within_variance"]-d["between_variance"])<1e-12
assert d["groups"][0]["lower"] is None and d["groups"][-1]["upper"] is None
assert abs(d["eta"]**2-d["eta2"])<1e-12 and d["chaddock"]=="very strong", d["chaddock"]
' || fail "worked example"

# Sturges: k = 5, counts 18/7/2/2/1.
"$CLI" group --feature v --json "$DATA/grouping-example.csv" | py '
assert [g["n"] for g in d["groups"]]==[18,7,2,2,1]
assert abs(d["h"]-1.57)<0.005
' || fail "sturges"

# Grouping by another feature's groups and relate's keys.
"$CLI" group --feature v --by-feature w --scheme equal-interval:3 --json "$DATA/grouping-example.csv" | py '
assert sum(g["n"] for g in d["groups"])==30' || fail "by-feature"
"$CLI" relate --target v --json "$DATA/grouping-example.csv" | py '
r=d["rows"][0]
for k in ("feature","pearson","pearson_p","spearman","spearman_p","eta","chaddock"): assert k in r, k
assert r["feature"]=="w"' || fail "relate keys"

# Bad input: exit status 2 and a message naming the place.
expect_fail () {
  msg=$1; shift
  status=0
  out=$("$CLI" "$@" 2>&1) || status=$?
  [ "$status" -eq 2 ] || fail "exit status $status for: $*"
  echo "$out" | grep -q -- "$msg" || fail "message “$out” lacks “$msg”"
}
expect_fail "is required" group "$DATA/grouping-example.csv"
expect_fail "unknown indicator “nope”" group --feature nope "$DATA/grouping-example.csv"
expect_fail "Unknown option" group --feature v --frobnicate "$DATA/grouping-example.csv"
expect_fail "No such file" group --feature v /nonexistent.csv
expect_fail "unknown indicator" relate --target nope "$DATA/grouping-example.csv"
bad=$(mktemp)
printf 'region,v\na,1\nb,x\n' > "$bad"
expect_fail "row 3, column 2 (v): “x” is not a number" group --feature v "$bad"
rm -f "$bad"
echo "ok"
