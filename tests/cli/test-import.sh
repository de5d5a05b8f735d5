#!/bin/sh
# regionlab-cli import and inspect: the shipped demo panel is what the shipped
# recipes make of the raw Rosstat files; values match raw cells; bad input
# exits 2 and leaves an existing panel untouched.
# $1: the regionlab-cli executable.
set -eu
CLI=$1
fail () { echo "FAIL: $*" >&2; exit 1; }
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
SRC=${RL_SOURCE_DATA:?}
RAW=${RL_SHARED_DATA:-}/rosstat
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Bad input, without the raw files: a cell of text where a number belongs.
cat > "$tmp/poverty_percent_by_regions_2000.csv" <<'CSV'
region,year,poverty_percent
Белгородская область,2000,12.5
Брянская область,2000,н/д н/д
CSV
printf 'keep me\n' > "$tmp/old.csv"
printf '{"keep": "me"}\n' > "$tmp/old.indicators.json"
status=0
"$CLI" import -o "$tmp/old.csv" "$tmp/poverty_percent_by_regions_2000.csv" 2> "$tmp/err" || status=$?
[ "$status" -eq 2 ] || fail "text in a numeric cell: exit status $status"
grep -q 'row 3, column C' "$tmp/err" || fail "the message names no row and column: $(cat "$tmp/err")"
[ "$(cat "$tmp/old.csv")" = "keep me" ] || fail "a failed import changed the existing panel"
[ "$(cat "$tmp/old.indicators.json")" = '{"keep": "me"}' ] || fail "a failed import changed the sidecar"
status=0
"$CLI" import -o "$tmp/x.csv" "$tmp/old.csv" 2>/dev/null || status=$?
[ "$status" -eq 2 ] || fail "a file no recipe fits: exit status $status"
status=0
"$CLI" import -o "$tmp/x.csv" "$tmp/none.csv" 2>/dev/null || status=$?
[ "$status" -eq 2 ] || fail "a missing file: exit status $status"
# An empty file saved under a recipe's file name gives no values: an error
# naming the file and why, and the existing panel stays as it was.
: > "$tmp/poverty_percent_by_regions_1992_2020.csv"
status=0
"$CLI" import -o "$tmp/old.csv" "$tmp/poverty_percent_by_regions_1992_2020.csv" 2> "$tmp/err" || status=$?
[ "$status" -eq 2 ] || fail "an empty file: exit status $status"
grep -q 'poverty_percent_by_regions_1992_2020.csv: the file is empty' "$tmp/err" ||
  fail "the message does not say the file is empty: $(cat "$tmp/err")"
[ "$(cat "$tmp/old.csv")" = "keep me" ] || fail "an empty import replaced the existing panel"
[ "$(cat "$tmp/old.indicators.json")" = '{"keep": "me"}' ] || fail "an empty import replaced the sidecar"
# Conflicting values for one region and year: every one on stderr and in the JSON, nothing written.
cat > "$tmp/poverty_percent_by_regions_2001.csv" <<'CSV'
region,year,poverty_percent
Белгородская область,2001,12.5
Белгородская область,2001,12.5
Белгородская область,2001,13.5
Брянская область,2001,10
Брянская область,2001,11
CSV
status=0
"$CLI" import --json -o "$tmp/old.csv" "$tmp/poverty_percent_by_regions_2001.csv" \
  > "$tmp/conflicts.json" 2> "$tmp/err" || status=$?
[ "$status" -eq 2 ] || fail "conflicting values: exit status $status"
[ "$(grep -c '^conflict: ' "$tmp/err")" -eq 2 ] || fail "conflicts on stderr: $(cat "$tmp/err")"
grep -q 'RU-BEL), poverty_percent, 2001: a second value 13.5 at .*row 4, column C after 12.5 at .*row 2, column C' \
  "$tmp/err" || fail "the conflict names no rows and values: $(cat "$tmp/err")"
python3 -c "
import json, sys
d = json.load(open('$tmp/conflicts.json'))
assert len(d['conflicts']) == 2 and 'RU-BRY' in d['conflicts'][1] and 'conflicting' in d['error'], d" ||
  fail "conflicts in the JSON"
[ "$(cat "$tmp/old.csv")" = "keep me" ] || fail "an import with conflicts replaced the existing panel"
# A README beside the files is skipped with a note; a table no recipe fits stays an error.
printf '# what these files are\n' > "$tmp/README.md"
status=0
"$CLI" import -o "$tmp/new.csv" "$tmp/README.md" "$tmp/old.csv" 2> "$tmp/err" || status=$?
[ "$status" -eq 2 ] && grep -q "old.csv: no recipe fits" "$tmp/err" ||
  fail "a table no recipe fits was not an error: $(cat "$tmp/err")"
printf 'region,year,poverty_percent\nБелгородская область,2000,12.5\n' > "$tmp/poverty_percent_by_regions_2002.csv"
"$CLI" import -o "$tmp/new.csv" "$tmp/README.md" "$tmp/poverty_percent_by_regions_2002.csv" 2> "$tmp/err" ||
  fail "a README beside the files: $(cat "$tmp/err")"
grep -q "note: .*README.md: skipped: not a table, and no recipe names it" "$tmp/err" ||
  fail "no note on the README: $(cat "$tmp/err")"
grep -q "from 1 files" "$tmp/err" || fail "the README counted as a file read: $(cat "$tmp/err")"
"$CLI" inspect "$tmp/poverty_percent_by_regions_2000.csv" | grep -q "	3	C	н/д н/д" ||
  fail "inspect shows no cell C3"

# The panel's sidecar: every indicator has its metadata; derived ones their formula.
"$PY" - "$SRC/datasets/russia-regions.indicators.json" <<'PYEOF' || fail "demo sidecar"
import json, sys
inds = {i["id"]: i for i in json.load(open(sys.argv[1]))["indicators"]}
for i in inds.values():
    assert i["name"]["en"] and i["unit"] and i["source"], i
assert inds["infant_mortality"]["formula"] == \
    "(child_mortality_rural + child_mortality_urban) / newborn * 1000"
assert inds["poverty_percent"]["polarity"] == "+"
PYEOF

if [ ! -d "$RAW" ]; then
  echo "raw Rosstat files absent: re-import skipped"
  exit 77
fi

# Re-import: byte for byte the shipped panel and sidecar.
"$CLI" import --json -o "$tmp/panel.csv" "$RAW"/*.csv "$RAW"/*.xls "$RAW"/*.xlsx > "$tmp/report.json"
cmp "$tmp/panel.csv" "$SRC/datasets/russia-regions.csv" || fail "re-import differs from the demo panel"
cmp "$tmp/panel.indicators.json" "$SRC/datasets/russia-regions.indicators.json" ||
  fail "re-import differs from the demo sidecar"

# Known values against the raw cells, read here with Python's csv module and
# xlrd (exact: the panel keeps the published digits).
"$PY" - "$tmp/panel.csv" "$RAW" <<'PYEOF' || fail "panel values against raw cells"
import csv, sys
panel = {}
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    panel[(r["region_code"], r["indicator"], int(r["year"]))] = float(r["value"])
raw = sys.argv[2]
want = {"Белгородская область": "RU-BEL", "Республика Тыва": "RU-TY",
        "Республика Калмыкия": "RU-KL", "Чукотский автономный округ": "RU-CHU",
        "Город Москва столица Российской Федерации город федерального значения": "RU-MOW"}
seen = 0
for r in csv.reader(open(raw + "/poverty_percent_by_regions_1992_2020.csv", encoding="utf-8")):
    name = r[0].strip()
    if name in want and r[1] == "2017":
        assert panel[(want[name], "poverty_percent", 2017)] == float(r[2]), r
        seen += 1
assert seen == len(want), seen
# Newborn: the sum of the twelve months of 2010 for Белгородская область.
rows = list(csv.reader(open(raw + "/newborn_2006_2022_monthly.csv", encoding="utf-8"), delimiter=";"))
head = rows[0]
bel = next(r for r in rows if r[0].strip() == "Белгородская область")
total = sum(float(bel[i]) for i, h in enumerate(head) if h.endswith("2010 г."))
assert abs(panel[("RU-BEL", "newborn", 2010)] - total) < 1e-9, total
try:
    import xlrd
except ImportError:
    sys.exit(0)
sheet = xlrd.open_workbook(raw + "/gross_regional_product_1996_2020.xls").sheet_by_name("Данные")
years = {int(float(sheet.cell_value(2, c))): c for c in range(1, sheet.ncols) if sheet.cell_value(2, c) != ""}
for row in range(3, sheet.nrows):
    if str(sheet.cell_value(row, 0)).strip() == "Республика Тыва":
        assert panel[("RU-TY", "gross_regional_product", 2015)] == float(sheet.cell_value(row, years[2015]))
        break
else:
    raise AssertionError("Тыва not found")
PYEOF

"$PY" - "$tmp/report.json" <<'PYEOF' || fail "import report"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["files"] == 22 and r["regions"] == 85, r
assert any("RU-ARK+NEN" in n for n in r["notes"]), r["notes"]
PYEOF
