#!/bin/sh
# regionlab-cli match: the traps of the Rosstat names, JSON keys, candidates.
# $1: the regionlab-cli executable.
set -eu
CLI=$1
fail () { echo "FAIL: $*" >&2; exit 1; }

"$CLI" match --json \
  "Город Москва столица Российской Федерации город федерального значения" \
  "Республика Адыгея (Адыгея)" \
  "Ямало-Hенецкий автономный округ" \
  "Российская Федерация" \
  "Тюменская область (кроме Ханты-Мансийского автономного округа-Югры и Ямало-Ненецкого автономного округа)" \
  "Белгородскя облость" |
python3 -c '
import json, sys
rows = json.load(sys.stdin)["rows"]
want = [("RU-MOW", "region"), ("RU-AD", "region"), ("RU-YAN", "region"),
        (None, "aggregate"), ("RU-TYU", "composite-part"), (None, "unknown")]
for row, (code, kind) in zip(rows, want):
    assert (row["code"], row["kind"]) == (code, kind), row
    for key in ("input", "code", "name", "kind", "candidates"):
        assert key in row, key
assert rows[5]["candidates"][0]["code"] == "RU-BEL", rows[5]
assert rows[5]["candidates"][0]["score"] > rows[5]["candidates"][1]["score"]
' || fail "match JSON"

"$CLI" match --gazetteer ua "Київська область" | grep -q "UA-32" || fail "Ukrainian gazetteer"
status=0; "$CLI" match --gazetteer xx "A" 2>/dev/null || status=$?
[ "$status" -eq 2 ] || fail "unknown gazetteer: exit status $status"
echo ok
