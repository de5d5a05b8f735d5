#!/bin/sh
# regionlab-cli inspect on damaged XLS files: a container cut short, a header
# cut short, a sheet whose BOUNDSHEET offset lies inside the workbook globals.
# Each exits 2 with one message naming the file, shows no cell and logs no
# GLib warning or critical (the test environment makes them fatal).
# $1: the regionlab-cli executable.
set -eu
CLI=$1
DATA=$RL_TEST_DATA/readers
. "$(dirname "$0")/rl-cli-test.sh"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# expect_damaged FILE MESSAGE: inspect FILE exits 2, prints nothing on
# standard output and says “FILE: …MESSAGE” on standard error, nothing else.
expect_damaged () {
  status=0
  "$CLI" inspect "$1" > "$tmp/out" 2> "$tmp/err" || status=$?
  err=$(cat "$tmp/err")
  [ "$status" -eq 2 ] || fail "$1: exit status $status ($err)"
  [ ! -s "$tmp/out" ] || fail "$1: cells shown: $(head -c 200 "$tmp/out")"
  grep -q -F -- "$1: " "$tmp/err" || fail "$1: the message does not name the file: $err"
  grep -q -F -- "$2" "$tmp/err" || fail "$1: the message “$err” lacks “$2”"
  if grep -q -E 'CRITICAL|WARNING|GLib' "$tmp/err"; then fail "$1: GLib logged: $err"; fi
  [ "$(wc -l < "$tmp/err")" -eq 1 ] || fail "$1: more than one line: $err"
}

head -c 10000 "$DATA/lo.xls" > "$tmp/cut.xls"
expect_damaged "$tmp/cut.xls" "container is truncated or damaged"
head -c 300 "$DATA/lo.xls" > "$tmp/header.xls"
expect_damaged "$tmp/header.xls" "the header is missing"

# The BOUNDSHEET of the first sheet, “Числа” in code page 1251, made to point
# at byte 10 of the workbook stream: the container is sound, the stream not.
"$PY" - "$DATA/gnumeric-biff5.xls" "$tmp/offset.xls" <<'PYEOF' || fail "patching the BOUNDSHEET"
import struct, sys
data = bytearray(open(sys.argv[1], 'rb').read())
name = 'Числа'.encode('cp1251')
at = data.find(b'\x00\x00' + bytes([len(name)]) + name) - 4
assert at >= 4 and data[at - 4:at] == struct.pack('<HH', 0x0085, 7 + len(name)), at
data[at:at + 4] = struct.pack('<I', 10)
open(sys.argv[2], 'wb').write(data)
PYEOF
expect_damaged "$tmp/offset.xls" "starts at byte 10, inside the workbook globals"

# A file named as an XLSX or ODS package that is no ZIP file is damaged, not
# a CSV to read as text.
printf 'abc' > "$tmp/short.xlsx"
expect_damaged "$tmp/short.xlsx" "is no ZIP file"
head -c 0 /dev/null > "$tmp/empty.ods"
expect_damaged "$tmp/empty.ods" "is no ZIP file"

# An XLSX whose workbook is not at xl/workbook.xml is told by its content types.
"$PY" - "$tmp/elsewhere.xlsx" <<'PYEOF' || fail "writing elsewhere.xlsx"
import sys, zipfile
ns = 'http://schemas.openxmlformats.org/'
sml = 'application/vnd.openxmlformats-officedocument.spreadsheetml.'
rel = '<Relationship Id="rId1" Type="' + ns + 'officeDocument/2006/relationships/'
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr('[Content_Types].xml',
               '<Types xmlns="' + ns + 'package/2006/content-types">'
               '<Override PartName="/book/wb.xml" ContentType="' + sml + 'sheet.main+xml"/>'
               '<Override PartName="/book/s1.xml" ContentType="' + sml + 'worksheet+xml"/>'
               '</Types>')
    z.writestr('_rels/.rels', '<Relationships xmlns="' + ns + 'package/2006/relationships">'
               + rel + 'officeDocument" Target="book/wb.xml"/></Relationships>')
    z.writestr('book/wb.xml', '<workbook xmlns="' + ns + 'spreadsheetml/2006/main" xmlns:r="'
               + ns + 'officeDocument/2006/relationships"><sheets>'
               '<sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr('book/_rels/wb.xml.rels', '<Relationships xmlns="' + ns
               + 'package/2006/relationships">' + rel + 'worksheet" Target="s1.xml"/>'
               '</Relationships>')
    z.writestr('book/s1.xml', '<worksheet xmlns="' + ns + 'spreadsheetml/2006/main"><sheetData>'
               '<row r="1"><c r="A1" t="inlineStr"><is><t>hello</t></is></c>'
               '<c r="B1"><v>2.5</v></c></row></sheetData></worksheet>')
PYEOF
[ "$("$CLI" inspect "$tmp/elsewhere.xlsx")" = "$(printf 'S\t1\tA\thello\nS\t1\tB\t2.5')" ] ||
  fail "elsewhere.xlsx: not read as an XLSX workbook"

# The file itself still reads.
"$CLI" inspect "$DATA/gnumeric-biff5.xls" | grep -q "^Числа	1	A	" ||
  fail "gnumeric-biff5.xls: no cell A1"
