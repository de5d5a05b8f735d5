#!/bin/sh
# regionlab-cli plot, end to end on the demo panel: every chart as PNG (and the map
# by rating and by indicator classes), one chart as SVG and PDF, checked by their
# signatures and sizes; bad chart names, features and options exit 2 with a message.
# $1: the regionlab-cli executable.
set -eu
CLI=$1
. "$(dirname "$0")/rl-cli-test.sh"
P=$RL_SOURCE_DATA/datasets/russia-regions.csv
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
S="--preset study --uncertainty 50"

# signature FILE HEX: the first bytes of FILE, in hex, are HEX
signature () {
  got=$(head -c $(( ${#2} / 2 )) "$1" | od -An -tx1 | tr -d ' \n')
  [ "$got" = "$2" ] || fail "$1 starts with $got, not $2"
}

# png_size FILE W H: the PNG header says W × H
png_size () {
  python3 -c "
import struct, sys
d = open('$1', 'rb').read(24)
w, h = struct.unpack('>II', d[16:24])
sys.exit(0 if (w, h) == ($2, $3) else 1)" || fail "$1 is not $2 × $3"
}

for chart in scatter pca elbow growth bic silhouette dendrogram heatmap rating grouping map; do
  "$CLI" plot --chart "$chart" $S -o "$OUT/$chart.png" "$P" 2>/dev/null || fail "plot --chart $chart"
  signature "$OUT/$chart.png" 89504e470d0a1a0a
  png_size "$OUT/$chart.png" 1000 700
  # a drawn chart, not a blank page: a compressed PNG of a chart is more than 10 KB
  [ "$(wc -c < "$OUT/$chart.png")" -gt 10000 ] || fail "$chart.png is almost empty"
done

# convergence needs an evolutionary method
"$CLI" plot --chart convergence --method de --iterations 200 --population 20 $S \
  -o "$OUT/convergence.png" "$P" 2>/dev/null || fail "plot --chart convergence"
signature "$OUT/convergence.png" 89504e470d0a1a0a

# the map by rating and by indicator classes, dark, another size
"$CLI" plot --chart map --color-by rating $S --dark --width 800 --height 500 \
  -o "$OUT/map-rating.png" "$P" 2>/dev/null || fail "map by rating"
png_size "$OUT/map-rating.png" 800 500
for classes in quantile equal jenks; do
  "$CLI" plot --chart map --color-by indicator --feature poverty_percent --classes $classes \
    --n-classes 4 $S -o "$OUT/map-$classes.png" "$P" 2>/dev/null || fail "map by $classes classes"
done

# scatter of two named indicators, a dendrogram of hclust
"$CLI" plot --chart scatter --x cash_income --y poverty_percent $S -o "$OUT/xy.png" "$P" 2>/dev/null \
  || fail "scatter --x --y"
"$CLI" plot --chart dendrogram --method hclust --linkage average --k 5 $S -o "$OUT/hc.png" "$P" \
  2>/dev/null || fail "dendrogram of hclust"

# SVG and PDF
"$CLI" plot --chart scatter $S -o "$OUT/scatter.svg" "$P" 2>/dev/null || fail "plot to SVG"
grep -q "<svg" "$OUT/scatter.svg" || fail "scatter.svg has no <svg element"
"$CLI" plot --chart map $S -o "$OUT/map.pdf" "$P" 2>/dev/null || fail "plot to PDF"
signature "$OUT/map.pdf" 25504446   # %PDF

# errors: exit status 2 and a message
expect_fail "is not scatter, pca" plot --chart pie -o "$OUT/x.png" "$P"
expect_fail "no indicator “no_such_indicator”" plot --chart scatter --x no_such_indicator $S -o "$OUT/x.png" "$P"
expect_fail "no_such_indicator" plot --chart map --color-by indicator --feature no_such_indicator $S -o "$OUT/x.png" "$P"
expect_fail "no_such_indicator" plot --chart rating --features poverty_percent,no_such_indicator -o "$OUT/x.png" "$P"
expect_fail "evolutionary method" plot --chart convergence $S -o "$OUT/x.png" "$P"
expect_fail "must end in .png, .svg or .pdf" plot --chart scatter $S -o "$OUT/x.gif" "$P"
expect_fail "-o OUT.png" plot --chart scatter $S "$P"
expect_fail "is not cluster, rating or indicator" plot --chart map --color-by size $S -o "$OUT/x.png" "$P"
expect_fail "is not quantile, equal or jenks" plot --chart map --color-by indicator --classes fancy $S -o "$OUT/x.png" "$P"
expect_fail "geojson" plot --chart map --boundaries "$OUT/none.geojson" $S -o "$OUT/x.png" "$P"
expect_fail "--method" plot --chart scatter --method magic $S -o "$OUT/x.png" "$P"
[ ! -e "$OUT/x.png" ] || fail "a failed plot left a file"

# A write that fails half way (here: past a file size limit, as on a full disk)
# leaves the old file as it was, and no temporary beside it; the message names
# the file. A missing folder is an error naming the file too.
mkdir "$OUT/keep"
for ext in png svg pdf; do
  printf 'the old chart\n' > "$OUT/keep/chart.$ext"
  status=0
  (ulimit -f 4; trap '' XFSZ; "$CLI" plot --chart scatter $S -o "$OUT/keep/chart.$ext" "$P") \
    2> "$OUT/err" || status=$?
  [ "$status" -eq 2 ] || fail "a failed $ext write: exit status $status"
  grep -q "Cannot write the chart to “$OUT/keep/chart.$ext”" "$OUT/err" ||
    fail "the message names no file: $(cat "$OUT/err")"
  [ "$(cat "$OUT/keep/chart.$ext")" = "the old chart" ] || fail "a failed $ext write changed the old file"
done
[ "$(ls "$OUT/keep" | wc -l)" -eq 3 ] || fail "a failed write left files: $(ls -a "$OUT/keep")"
expect_fail "Cannot write the chart to “$OUT/none/x.png”" plot --chart scatter $S -o "$OUT/none/x.png" "$P"
echo "plot: all checks passed"
