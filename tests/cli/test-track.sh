#!/bin/sh
# regionlab-cli track end to end on the demo panel: the transition matrix
# agrees with clustering each year on its own, the matching maximises the
# regions kept together, and bad input fails.
# $1: the regionlab-cli executable.
set -eu
CLI=$1
. "$(dirname "$0")/rl-cli-test.sh"
# (no trap for the clean-up: dash leaks its trap string, which the valgrind setup reports)
tmp=$(mktemp -d)
demo=${RL_SOURCE_DATA:-data}/datasets/russia-regions.csv
opts="--method kmeans --k 4 --seed 3 --missing median --features poverty_percent,cash_income,welfare_expense_share"

"$CLI" track --from 2017 --to 2020 $opts --json "$demo" > "$tmp/track.json" || fail "track --json"
"$CLI" cluster --year 2017 $opts --json "$demo" > "$tmp/a.json" || fail "cluster 2017"
"$CLI" cluster --year 2020 $opts --json "$demo" > "$tmp/b.json" || fail "cluster 2020"
python3 - "$tmp" <<'PY' || fail "track: transitions"
import itertools, json, sys
d = json.load(open(sys.argv[1] + "/track.json"))
a = {x["code"]: x["cluster"] for x in json.load(open(sys.argv[1] + "/a.json"))["labels"]}
b = {x["code"]: x["cluster"] for x in json.load(open(sys.argv[1] + "/b.json"))["labels"]}
T = d["transitions"]
assert d["from"] == 2017 and d["to"] == 2020 and d["n"] == 85 and d["k"] == 4
assert len(T) == 4 and all(len(row) == 4 for row in T)
assert sum(map(sum, T)) == 85
# rows are the 2017 clusters as cluster --year 2017 numbers them
for c in range(4):
    assert sum(T[c]) == sum(1 for v in a.values() if v == c), c
# the 2020 clusters are renumbered to keep the most regions together
overlap = [[sum(1 for r in a if a[r] == i and b[r] == j) for j in range(4)] for i in range(4)]
best = max(sum(overlap[i][p[i]] for i in range(4)) for p in itertools.permutations(range(4)))
assert sum(T[i][i] for i in range(4)) == best
# changed: exactly the regions off the diagonal, with their 2017 cluster
ch = d["changed"]
assert len(ch) == 85 - best
for x in ch:
    assert x["from"] != x["to"] and a[x["code"]] == x["from"], x
    assert T[x["from"]][x["to"]] > 0
PY

# The table names the years and lists the regions that changed.
"$CLI" track --from 2017 --to 2020 $opts "$demo" > "$tmp/table.txt" || fail "track table"
grep -q "2017 \\\\ 2020" "$tmp/table.txt" || fail "track table: header"
grep -q "regions changed cluster" "$tmp/table.txt" || fail "track table: changed"

# Same seed, same result.
"$CLI" track --from 2017 --to 2020 $opts --json "$demo" | cmp -s - "$tmp/track.json" \
  || fail "track: same seed, same result"

# --by: eight regions whose levels swap between the years. By overlap the
# later clusters keep their regions' numbers (no region changes); by
# centroids the later poor cluster is the earlier poor one, so all change.
python3 - "$tmp/swap.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("region_code,region,indicator,year,value\n")
    for i in range(8):
        for year, poor in ((2001, i >= 4), (2002, i < 4)):
            f.write(f"X-{i},Region {i},poverty,{year},{(30 if poor else 5) + i % 4 * 0.1}\n")
            f.write(f"X-{i},Region {i},income,{year},{(100 if poor else 900) - i % 4}\n")
PY
swap="--from 2001 --to 2002 --method kmeans --k 2 --seed 1"
"$CLI" track $swap --json "$tmp/swap.csv" > "$tmp/default.json" || fail "track"
"$CLI" track $swap --by overlap --json "$tmp/swap.csv" > "$tmp/overlap.json" || fail "--by overlap"
"$CLI" track $swap --by centroids --json "$tmp/swap.csv" > "$tmp/centroids.json" \
  || fail "--by centroids"
python3 - "$tmp" <<'PY' || fail "track --by"
import json, sys
load = lambda name: json.load(open(sys.argv[1] + "/" + name + ".json"))
default, overlap, centroids = load("default"), load("overlap"), load("centroids")
assert default == overlap and overlap["by"] == "overlap" and centroids["by"] == "centroids"
assert overlap["transitions"] == [[4, 0], [0, 4]] and overlap["changed"] == [], overlap
assert centroids["transitions"] == [[0, 4], [4, 0]], centroids
assert sorted(x["code"] for x in centroids["changed"]) == ["X-%d" % i for i in range(8)]
assert all(x["to"] == 1 - x["from"] for x in centroids["changed"]), centroids
PY
expect_fail "--by: expected overlap or centroids" track $swap --by nearest "$tmp/swap.csv"

"$CLI" synth --paper-auxiliary --seed 3 -o "$tmp/aux.csv"
expect_fail "panel with years" track --from 2017 --to 2020 --method kmeans --k 3 "$tmp/aux.csv"
expect_fail "two different years" track --from 2017 --to 2017 $opts "$demo"
expect_fail "two different years" track --to 2017 $opts "$demo"
expect_fail "not --year" track --from 2017 --to 2020 --year 2019 $opts "$demo"
expect_fail "no values for 1900" track --from 1900 --to 2020 $opts "$demo"
expect_fail "1990: column “poverty_percent” has no values" track --from 1990 --to 2020 $opts "$demo"
expect_fail "2017: --k = 90" track --from 2017 --to 2020 --method kmeans --k 90 --features poverty_percent "$demo"
rm -rf "$tmp"
echo ok
