#!/usr/bin/python3
# make-readers-edge-reference.py — what openpyxl and odfpy read from the valid edge packages
#
# Copyright 2026 The RegionLab authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run from the top of the source tree, after make-readers-edge.py:
#   /usr/bin/python3 tests/data/readers-edge/make-readers-edge-reference.py
# Writes tests/data/readers-edge/<file>.tsv for every valid package: each
# non-empty cell as "sheet<TAB>row<TAB>column letters<TAB>text", rows in
# order, with backslash, tab, newline and carriage return escaped — the
# format of regionlab-cli inspect. XLSX files are read with openpyxl
# (data_only: the cached values of formulas); booleans are shown as
# TRUE/FALSE, dates as ISO 8601, numbers in their shortest round-trip form.
# openpyxl looks part names up exactly as written, so the packages whose
# member names differ in case or use backslashes are read from a copy with
# the names the relationships give. ODS files are read with odfpy: the
# paragraphs of a cell joined by newlines (odf.teletype turns text:s,
# text:tab and text:line-break into spaces, tabs and newlines), repeats
# expanded, covered cells with what they hold; the shown text is the one the file holds.
import io
import os
import zipfile

import openpyxl
from odf import opendocument, teletype
from odf.namespaces import TABLENS
from odf.table import Table, TableRow
from odf.text import P

HERE = os.path.dirname(os.path.abspath(__file__))
XLSX = ["xlsx-bom", "xlsx-prefix", "xlsx-inline", "xlsx-shared", "xlsx-targets", "xlsx-case",
        "xlsx-backslash", "xlsx-no-r", "xlsx-types", "xlsx-numbers", "zip-good", "zip-bad-date"]
ODS = ["ods-prefix", "ods-text", "ods-trailing"]
RENAMED = {"xlsx-case": "xlsx-targets", "xlsx-backslash": "xlsx-targets"}


def col_name(c):
    s = ""
    while c > 0:
        c, r = divmod(c - 1, 26)
        s = chr(ord("A") + r) + s
    return s


def escape(t):
    return t.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def general(x):
    if x == int(x) and abs(x) < 1e15:
        return "%d" % x
    for prec in (15, 16, 17):
        s = "%.*g" % (prec, x)
        if float(s) == x:
            return s
    return s


def show(value):
    import datetime
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return general(float(value))
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0):
            return value.strftime("%Y-%m-%d")
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return str(value)


def canonical_copy(name):
    """The package with the member names its relationships use (openpyxl
    cannot look names up any other way)."""
    src = zipfile.ZipFile(os.path.join(HERE, name + ".xlsx"))
    twin = zipfile.ZipFile(os.path.join(HERE, RENAMED[name] + ".xlsx"))
    wanted = {n.lower(): n for n in twin.namelist()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            key = info.filename.replace("\\", "/").lower()
            z.writestr(wanted.get(key, info.filename), src.read(info.filename))
    return out


def xlsx_lines(name):
    source = canonical_copy(name) if name in RENAMED else os.path.join(HERE, name + ".xlsx")
    wb = openpyxl.load_workbook(source, data_only=True)
    lines = []
    for ws in wb.worksheets:
        for r in ws.iter_rows():
            for cell in r:
                if cell.value is None or cell.value == "":
                    continue
                lines.append("%s\t%d\t%s\t%s" % (escape(ws.title), cell.row,
                                                 col_name(cell.column), escape(show(cell.value))))
    return lines


def cell_text(cell):
    paragraphs = [e for e in cell.childNodes if e.qname == (P().qname)]
    if paragraphs:
        return "\n".join(teletype.extractText(p) for p in paragraphs)
    for attr in ("value", "date-value", "boolean-value"):
        v = cell.getAttrNS("urn:oasis:names:tc:opendocument:xmlns:office:1.0", attr)
        if v:
            return general(float(v)) if attr == "value" else v
    return ""


def ods_lines(name):
    doc = opendocument.load(os.path.join(HERE, name + ".ods"))
    lines = []
    for table in doc.spreadsheet.getElementsByType(Table):
        sheet = table.getAttrNS(TABLENS, "name")
        r = 1
        for tr in table.getElementsByType(TableRow):
            rows = int(tr.getAttrNS(TABLENS, "number-rows-repeated") or 1)
            cells, c = [], 1
            for cell in tr.childNodes:
                n = int(cell.getAttrNS(TABLENS, "number-columns-repeated") or 1)
                text = cell_text(cell)
                if text:
                    cells += [(c + i, text) for i in range(n)]
                c += n
            for k in range(rows if cells else 0):
                lines += ["%s\t%d\t%s\t%s" % (escape(sheet), r + k, col_name(cc), escape(t))
                          for cc, t in cells]
            r += rows
    return lines


for names, read in ((XLSX, xlsx_lines), (ODS, ods_lines)):
    for name in names:
        ext = ".ods" if read is ods_lines else ".xlsx"
        with open(os.path.join(HERE, name + ext + ".tsv"), "w", encoding="utf-8") as f:
            f.write("".join(line + "\n" for line in read(name)))
