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
# Without polarities there is no need score: p_neediest is null.
"$CLI" stability --method kmeans --k 2 --runs 2 --bootstrap 0 --json "$DATA/rating-wide.csv" | python3 -c "
import json, sys
d = json.load(sys.stdin)
assert 'neediest_sizes' not in d and d['rows'][0]['p_neediest'] is None
" || fail "without polarity"

expect_fail "k = 40 clusters is not possible with 17" stability --method kmeans --k 40 "$DATA/rating-wide.csv"
expect_fail "--method" stability --method nope --k 2 "$DATA/rating-wide.csv"
expect_fail "--runs must be" stability --method kmeans --k 2 --runs 0 "$DATA/rating-wide.csv"
echo "ok"
