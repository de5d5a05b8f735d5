#!/bin/sh
# regionlab-cli compare, end to end on the paper's auxiliary set: keys, the
# growth ratio, histories, determinism for a seed, bad input.
# $1: the regionlab-cli executable.
set -eu
CLI=$1
. "$(dirname "$0")/rl-cli-test.sh"
# (no trap for the clean-up: dash leaks its trap string, which the valgrind setup reports)
TMP=$(mktemp -d)

"$CLI" synth --paper-auxiliary --seed 3 > "$TMP/aux.csv"
run () { "$CLI" compare --k-min 2 --k-max 4 --iterations 60 --population 20 --seed 5 --history --json "$TMP/aux.csv"; }
a=$(run); b=$(run)
# Times differ between runs; everything else must not.
strip () { echo "$1" | python3 -c "
import json, sys
d = json.load(sys.stdin)
for r in d['rows']: r.pop('seconds')
print(json.dumps(d))"; }
[ "$(strip "$a")" = "$(strip "$b")" ] || fail "not deterministic for a seed"
echo "$a" | python3 -c "
import json, math, sys
d = json.load(sys.stdin)
assert d['k_min'] == 2 and d['k_max'] == 4
rows = d['rows']
assert [r['method'] for r in rows[::3]] == ['es', 'de', 'ga', 'immune', 'kmeans', 'hclust-single'], rows
by = {}
for r in rows:
    assert {'method', 'k', 'f_min', 'growth_ratio', 'inertia', 'empty', 'seconds'} <= set(r), r
    assert 0 <= r['empty'] < r['k'] and r['f_min'] > 0 and r['seconds'] >= 0
    by[(r['method'], r['k'])] = r
    evolutionary = r['method'] in ('es', 'de', 'ga', 'immune')
    assert ('history' in r) == evolutionary, r['method']
    if evolutionary:
        h = r['history']
        assert len(h) == 60 and all(x >= y - 1e-12 for x, y in zip(h, h[1:])), 'history not non-increasing'
        assert abs(h[-1] - r['f_min']) < 1e-9 * max(1, r['f_min'])
for m in ('es', 'kmeans'):
    g = by[(m, 2)]['growth_ratio']
    assert abs(g - by[(m, 3)]['f_min'] / by[(m, 2)]['f_min']) < 1e-9, (m, g)
    assert by[(m, 4)]['growth_ratio'] is None or math.isnan(by[(m, 4)]['growth_ratio'])
# k-means never leaves a cluster empty.
assert all(by[('kmeans', k)]['empty'] == 0 for k in (2, 3, 4))
" || fail "keys and values"
"$CLI" compare --methods kmeans,hclust-ward --k-min 2 --k-max 3 "$TMP/aux.csv" | grep -q "hclust-ward" \
  || fail "table"

expect_fail "unknown method" compare --methods kmeans,nope "$TMP/aux.csv"
expect_fail "hclust-foo" compare --methods hclust-foo "$TMP/aux.csv"
expect_fail "larger than the 350 regions" compare --k-max 400 --methods kmeans "$TMP/aux.csv"
expect_fail "k-min" compare --k-min 5 --k-max 3 "$TMP/aux.csv"
rm -rf "$TMP"
echo "ok"
