#!/bin/sh
# regionlab-cli rate and dynamics, end to end: NumPy/SciPy ranks, uncertainty keys and
# determinism, a hand-worked dynamics case, and bad input.
# $1: the regionlab-cli executable.
set -eu
CLI=$1
DATA=$RL_TEST_DATA
. "$(dirname "$0")/rl-cli-test.sh"
POL="poverty=+,income=-,social=+,production=-,infant=+"

# Ranks as tests/data/make-rating-reference.py computed them (scores to 1e-9).
check_case () {
  scale=$1; weighting=$2; shift 2
  "$CLI" rate --polarity "$POL" --scale "$scale" "$@" --json "$DATA/rating-wide.csv" | python3 -c "
import json, sys
d = json.load(sys.stdin)
ref = json.load(open('$DATA/rating-reference.json'))
case = [c for c in ref['cases'] if c['normalize'] == '$scale' and c['weighting'] == '$weighting'][0]
rows = d['rows']
assert [r['rank'] for r in rows] == list(range(1, 18))
for r in rows:
    i = int(r['region'].split()[1]) - 1
    assert r['rank'] == case['rank'][i], (r, case['rank'][i])
    assert abs(r['score'] - case['score'][i]) <= 1e-9 * max(1, abs(case['score'][i])), r
for j, ind in enumerate(d['indicators']):
    assert abs(ind['weight'] - case['weights'][j]) < 1e-9
assert [r['group'] for r in rows[:10]] == ['red'] * 10 and rows[10]['group'] == 'yellow'
" || fail "rate --scale $scale ($weighting weights)"
}
check_case z equal
check_case minmax equal
check_case rank equal
check_case z pca --weights pca
check_case rank user --weights "poverty=3,income=2,social=1,production=1,infant=0.5"

# Uncertainty: CLI.md's keys, 90 % interval around the median, same seed same numbers.
run_u () { "$CLI" rate --polarity "$POL" --uncertainty 500 --seed "$1" --json "$DATA/rating-wide.csv"; }
a=$(run_u 7); b=$(run_u 7)
[ "$a" = "$b" ] || fail "uncertainty is not deterministic for a seed"
echo "$a" | python3 -c "
import json, sys
d = json.load(sys.stdin)
for r in d['rows']:
    for k in ('rank', 'region', 'score', 'rank_median', 'rank_low', 'rank_high', 'p_top10', 'p_top20'):
        assert k in r, k
    assert r['rank_low'] <= r['rank_median'] <= r['rank_high']
    assert 0 <= r['p_top10'] <= r['p_top20'] <= 1
assert abs(sum(r['p_top10'] for r in d['rows']) - 10) < 1e-9
" || fail "uncertainty keys"

# Dynamics, by hand: poverty changes +4, −1, 0, +1 (z: 3, −2, −1, 0 over √3.5), income
# −10, +10, 0, 0 (z over √50): scores (1.6036 + 1.4142)/2 for A …; E lacks 2020 poverty.
"$CLI" dynamics --from 2019 --to 2020 --json "$DATA/rating-dynamics.csv" | python3 -c "
import json, sys, math
d = json.load(sys.stdin)
assert [r['region'] for r in d['rows']] == ['A', 'D', 'C', 'B'], d['rows']
a = (3 / math.sqrt(3.5) + 10 / math.sqrt(50)) / 2
assert abs(d['rows'][0]['score'] - a) < 1e-12
assert [x['region'] for x in d['dropped']] == ['E'] and d['from'] == 2019 and d['to'] == 2020
" || fail "dynamics hand case"

# The watch list: 2020 levels z-scored, k-means with k = 2 puts A alone (inertia 3.55
# against 4.66 for {A, B}, {C, D}); {A} has the higher mean need (0.13 against −0.04)
# and A is among the 2 fastest worsening.
"$CLI" dynamics --from 2019 --to 2020 --watch 2 --top 1 --json "$DATA/rating-dynamics.csv" | python3 -c "
import json, sys
d = json.load(sys.stdin)
assert d['watch'] == ['A'] and d['neediest_cluster_size'] == 1, d
" || fail "dynamics watch list"

# The defaults on the demo panel: the rated indicators without values in the year are
# left out and listed in `dropped` with the reason; the latest year with the most of
# them is chosen; 2017 works too, and 1990 (none rated) says why.
DEMO="$(dirname "$0")/../../data/datasets/russia-regions.csv"
for year in "" "--year 2017" "--year 2020"; do
  "$CLI" rate $year --json "$DEMO" | python3 -c "
import json, sys
d = json.load(sys.stdin)
assert '$year' != '' or d['year'] == 2020, d['year']
ind = [x for x in d['dropped'] if 'indicator' in x]
assert ind and all(x['reason'] == 'no values in %d' % d['year'] for x in ind), ind
used = {i['id'] for i in d['indicators']}
assert used and not used & {x['indicator'] for x in ind}
assert len(d['rows']) > 70
" || fail "rate defaults $year"
done
expect_fail "none of the 19 indicators has values in 1990" rate --year 1990 "$DEMO"
# Given features are the user's: an empty one stays an error.
expect_fail "“morbidity” has no values in 2020" rate --year 2020 --features morbidity,poverty_percent --polarity morbidity=+,poverty_percent=+ "$DEMO"

# Bad input: exit status 2 and a message naming the place.
expect_fail "no indicator has a polarity" rate "$DATA/rating-wide.csv"
expect_fail "“income” has no polarity" rate --features poverty,income --polarity poverty=+ "$DATA/rating-wide.csv"
expect_fail "“wealth” is not one of the rated" rate --polarity "$POL,wealth=+" "$DATA/rating-wide.csv"
expect_fail "no weight for “infant”" rate --polarity "$POL" --weights poverty=1,income=1,social=1,production=1 "$DATA/rating-wide.csv"
expect_fail "not z, minmax or rank" rate --polarity "$POL" --scale robust "$DATA/rating-wide.csv"
expect_fail "not a preset" rate --preset nope "$DATA/rating-wide.csv"
expect_fail "unknown indicator “poverty_percent”" rate --preset study "$DATA/rating-wide.csv"
expect_fail "--top" rate --polarity "$POL" --top 0 "$DATA/rating-wide.csv"
expect_fail "Y1 < Y2" dynamics --from 2020 --to 2019 "$DATA/rating-dynamics.csv"
expect_fail "wide table" dynamics --from 2019 --to 2020 --polarity "$POL" "$DATA/rating-wide.csv"
expect_fail "--watch-method" dynamics --from 2019 --to 2020 --watch 2 --watch-method nope "$DATA/rating-dynamics.csv"
expect_fail "no values for 2015" dynamics --from 2015 --to 2020 "$DATA/rating-dynamics.csv"
echo "ok"
