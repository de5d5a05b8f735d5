#!/bin/sh
# regionlab-cli stability, end to end: keys, determinism for a seed, bad input.
# $1: the regionlab-cli executable.
set -eu
CLI=$1
DATA=$RL_TEST_DATA
. "$(dirname "$0")/rl-cli-test.sh"
POL="poverty=+,income=-,social=+,production=-,infant=+"

run () { "$CLI" stability --method kmeans --k 3 --runs 6 --bootstrap 4 --seed 2 --polarity "$POL" --json "$DATA/rating-wide.csv"; }
a=$(run); b=$(run)
[ "$a" = "$b" ] || fail "not deterministic for a seed"
echo "$a" | python3 -c "
import json, sys
d = json.load(sys.stdin)
for k in ('method', 'k', 'n', 'runs', 'bootstrap', 'ari_mean', 'ari_min', 'bootstrap_ari_mean', 'neediest_sizes', 'rows'):
    assert k in d, k
assert d['method'] == 'kmeans' and d['n'] == 17 and len(d['neediest_sizes']) == 6
assert -1 <= d['ari_min'] <= d['ari_mean'] <= 1
for r in d['rows']:
    assert set(r) == {'region', 'cluster', 'stability', 'p_neediest'}, r
    assert 0 <= r['cluster'] < 3 and 0 <= r['p_neediest'] <= 1
" || fail "keys"
# Without any polarity there is no need score: p_neediest is null.
"$CLI" stability --method kmeans --k 2 --runs 2 --bootstrap 0 --json "$DATA/rating-wide.csv" | python3 -c "
import json, sys
d = json.load(sys.stdin)
assert 'neediest_sizes' not in d and d['rows'][0]['p_neediest'] is None
" || fail "without polarity"
# A partial polarity rates the features that have one and leaves the others
# out: the neediest cluster is the one with the highest mean of
# z(poverty) − z(income).
"$CLI" stability --method kmeans --k 3 --runs 1 --bootstrap 0 --seed 5 --polarity "poverty=+,income=-" \
  --json "$DATA/rating-wide.csv" | python3 -c "
import csv, json, statistics, sys
d = json.load(sys.stdin)
assert len(d['neediest_sizes']) == 1, d
rows = list(csv.DictReader(open('$DATA/rating-wide.csv')))
def z(f):
    v = [float(r[f]) for r in rows]
    m, s = statistics.mean(v), statistics.stdev(v)
    return {r['region']: (float(r[f]) - m) / s for r in rows}
zp, zi = z('poverty'), z('income')
need = {r: zp[r] - zi[r] for r in zp}
clusters = {}
for r in d['rows']:
    clusters.setdefault(r['cluster'], []).append(r['region'])
mean = {c: statistics.mean(need[r] for r in m) for c, m in clusters.items()}
top = max(mean, key=mean.get)
assert d['neediest_sizes'][0] == len(clusters[top]), (d['neediest_sizes'], mean)
for r in d['rows']:
    assert r['p_neediest'] == (1.0 if r['cluster'] == top else 0.0), r
" || fail "partial polarity"

expect_fail "k = 40 clusters is not possible with 17" stability --method kmeans --k 40 "$DATA/rating-wide.csv"
expect_fail "--method" stability --method nope --k 2 "$DATA/rating-wide.csv"
expect_fail "--runs 0 is out of range: expected a number of runs from 1 to 10000" stability --method kmeans --k 2 --runs 0 "$DATA/rating-wide.csv"
echo "ok"
