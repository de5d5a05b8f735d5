#!/bin/sh
# regionlab-cli cluster, select-k, pca and synth end to end: JSON keys of
# CLI.md, determinism, and bad input.
# $1: the regionlab-cli executable.
set -eu
CLI=$1
fail () { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$CLI" synth --paper-auxiliary --seed 3 -o "$tmp/aux.csv"
[ "$(wc -l < "$tmp/aux.csv")" -eq 351 ] || fail "synth: 350 rows and a header"
"$CLI" synth --paper-auxiliary --seed 3 | cmp -s - "$tmp/aux.csv" || fail "synth: deterministic"

check () {
  # $1: python code run on the parsed JSON d; the rest: regionlab-cli arguments
  code=$1; shift
  "$CLI" "$@" --json > "$tmp/out.json" || fail "exit status $? for: $*"
  python3 -c "import json; d=json.load(open('$tmp/out.json')); $code" || fail "$*"
}

base='assert d["k"]==4 and d["n"]==350 and d["d"]==2
assert len(d["labels"])==350 and set(x["cluster"] for x in d["labels"])<=set(range(4))
assert d["labels"][0]["region"]=="p001"
assert len(d["centers"])==4 and len(d["centers"][0])==2
for key in ("method","inertia","f_k","silhouette"): assert key in d, key'
check "$base" cluster --method kmeans --k 4 --seed 1 "$tmp/aux.csv"
check "$base
for key in (\"log_likelihood\",\"bic\",\"aic\",\"n_iter\",\"converged\"): assert key in d, key" \
  cluster --method gmm --covariance diag --k 4 --seed 1 "$tmp/aux.csv"
check "$base
L=d[\"linkage\"]; assert len(L)==349 and len(L[0])==4 and L[-1][3]==350
assert all(L[i][2]<=L[i+1][2] for i in range(348))" \
  cluster --method hclust --linkage ward --k 4 "$tmp/aux.csv"
for m in es de ga immune; do
  check "$base
h=d[\"history\"]; assert len(h)==50 and all(h[i+1]<=h[i] for i in range(49))" \
    cluster --method $m --k 4 --seed 2 --iterations 50 --population 20 "$tmp/aux.csv"
done

# Profiles and η: sizes add up, means in original units, no need without polarities.
check 'P=d["profiles"]; assert [p["cluster"] for p in P]==[0,1,2,3]
assert sum(p["size"] for p in P)==350 and all(p["need"] is None for p in P)
for p in P:
  rows=[i for i,x in enumerate(d["labels"]) if x["cluster"]==p["cluster"]]
  assert len(rows)==p["size"] and sorted(p["means"])==["x","y"], p
E=d["eta"]; assert [e["feature"] for e in E]==["x","y"]
for e in E: assert 0<=e["eta"]<=1 and abs(e["eta"]**2-e["eta2"])<1e-12 and e["chaddock"], e' \
  cluster --method kmeans --k 4 --seed 1 "$tmp/aux.csv"
demo=${RL_SOURCE_DATA:-data}/datasets/russia-regions.csv
six=poverty_percent,welfare_expense_share,cash_income,gross_regional_product,regional_production,retail_turnover_per_capita
# z-scored need with equal weights sums to 0 over the regions
check 'P=d["profiles"]; assert d["year"]==2020 and d["n"]==85
assert all(p["need"] is not None for p in P)
assert abs(sum(p["need"]*p["size"] for p in P))<1e-9
assert len(d["eta"])==6' \
  cluster --method kmeans --k 4 --seed 1 --missing median --features "$six" "$demo"

# Same seed, same result.
"$CLI" cluster --method kmeans --k 5 --seed 7 --json "$tmp/aux.csv" > "$tmp/a.json"
"$CLI" cluster --method kmeans --k 5 --seed 7 --json "$tmp/aux.csv" > "$tmp/b.json"
cmp -s "$tmp/a.json" "$tmp/b.json" || fail "cluster: same seed, same result"

# Up to RL_LIMIT_SILHOUETTE_EXACT (10000) rows the silhouette is exact and the
# output says nothing more; above, it is the silhouette of a seeded sample of
# 10000 rows, and the output says so (the same seed, the same sample).
check 'assert "silhouette_sample" not in d' cluster --method kmeans --k 4 --seed 1 "$tmp/aux.csv"
python3 -c "
import random
random.seed(3)
print('region,x,y')
for i in range(12000):
    c = i % 3
    print('r%05d,%.4f,%.4f' % (i, 10 * c + random.gauss(0, 2), random.gauss(0, 2)))" > "$tmp/big.csv"
check 'assert d["n"]==12000 and d["silhouette_sample"]==10000 and 0.2<d["silhouette"]<1' \
  cluster --method kmeans --k 3 --seed 4 "$tmp/big.csv"
cp "$tmp/out.json" "$tmp/big-a.json"
"$CLI" cluster --method kmeans --k 3 --seed 4 --json "$tmp/big.csv" | cmp -s - "$tmp/big-a.json" ||
  fail "cluster: the sampled silhouette is not the same for the same seed"
"$CLI" cluster --method kmeans --k 3 --seed 4 "$tmp/big.csv" |
  grep -q "silhouette 0\.[0-9]* (on a sample of 10000 of the 12000 regions drawn with seed 4)" ||
  fail "cluster: the table does not say the silhouette is sampled"

check 'rows=d["rows"]; assert [r["k"] for r in rows]==[2,3,4,5]
for r in rows:
  for key in ("inertia","f_k","growth_ratio","silhouette","calinski_harabasz","davies_bouldin","bic","aic","log_likelihood"): assert key in r, key
assert rows[-1]["growth_ratio"] is None
assert abs(rows[0]["growth_ratio"]-rows[1]["f_k"]/rows[0]["f_k"])<1e-12' \
  select-k --method gmm --k-min 2 --k-max 5 --seed 1 "$tmp/aux.csv"

check 'assert d["components_count"]==2 and abs(sum(d["explained_variance_ratio"])-1)<1e-12
assert len(d["scores"])==350' pca "$tmp/aux.csv"

# Bad input: exit status 2 and a message naming the place.
expect_fail () {
  msg=$1; shift
  status=0
  out=$("$CLI" "$@" 2>&1) || status=$?
  [ "$status" -eq 2 ] || fail "exit status $status for: $*"
  echo "$out" | grep -q -- "$msg" || fail "message “$out” lacks “$msg”"
}
expect_fail "expected 1 ≤ k ≤ 350" cluster --method kmeans --k 351 "$tmp/aux.csv"
expect_fail "--method: expected" cluster --k 3 "$tmp/aux.csv"
expect_fail "unknown covariance type “xyz”" cluster --method gmm --covariance xyz --k 3 "$tmp/aux.csv"
expect_fail "Unknown option" cluster --method kmeans --k 3 --kk 3 "$tmp/aux.csv"
expect_fail "No such file" cluster --method kmeans --k 3 "$tmp/nothing.csv"
expect_fail "--scale" cluster --method kmeans --k 3 --scale minmax:2:1 "$tmp/aux.csv"
expect_fail "wide table without years" cluster --method kmeans --k 3 --year 2017 "$tmp/aux.csv"
expect_fail "unknown indicator “z”" cluster --method kmeans --k 3 --features x,z "$tmp/aux.csv"
printf 'region,a,b\nr1,1,2\nr2,,\nr3,1,x\n' > "$tmp/bad.csv"
expect_fail "row 4, column 3 (b): “x” is not a number" cluster --method kmeans --k 2 "$tmp/bad.csv"
printf 'region,a,b\nr1,1,\nr2,2,\n' > "$tmp/empty.csv"
expect_fail "column “b” has no values" cluster --method kmeans --k 2 "$tmp/empty.csv"
echo ok
