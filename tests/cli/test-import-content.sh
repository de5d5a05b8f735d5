#!/bin/sh
# regionlab-cli import of a Rosstat file saved under another name: the recipe
# is chosen by the file's content, and the panel is the one the published
# name gives.
# $1: the regionlab-cli executable.
set -eu
CLI=$1
fail () { echo "FAIL: $*" >&2; exit 1; }
RAW=${RL_SHARED_DATA:-}/rosstat
GRP=gross_regional_product_1996_2020.xls
if [ ! -f "$RAW/$GRP" ]; then
  echo "raw Rosstat files absent: skipped"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/renamed"
cp "$RAW/$GRP" "$tmp/renamed/vrp-2020 (1).xls"

"$CLI" import -o "$tmp/named.csv" "$RAW/$GRP" 2> "$tmp/named.err"
"$CLI" import -o "$tmp/renamed.csv" "$tmp/renamed/vrp-2020 (1).xls" 2> "$tmp/renamed.err"
cmp "$tmp/named.csv" "$tmp/renamed.csv" || fail "the renamed file gives another panel"
cmp "$tmp/named.indicators.json" "$tmp/renamed.indicators.json" ||
  fail "the renamed file gives another sidecar"
grep -q "$GRP: recipe gross_regional_product, by file name gross_regional_product_\*.xls" \
  "$tmp/named.err" || fail "the report does not say why the recipe was chosen: $(cat "$tmp/named.err")"
grep -q "vrp-2020 (1).xls: recipe gross_regional_product, by content: sheet “Данные”, A1 “Валовой" \
  "$tmp/renamed.err" || fail "the report does not say the content chose: $(cat "$tmp/renamed.err")"
