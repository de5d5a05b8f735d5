#!/usr/bin/python3
# make-grid-reference.py — reference cells of the raw Rosstat files, read by
# independent tools, for tests/core/test-grid.c.
#
# Command (from the source root, with Debian's python3: xlrd 1.2/2.x for .xls,
# openpyxl 3.0 for .xlsx, the csv module for .csv):
#
#   /usr/bin/python3 tests/data/make-grid-reference.py ../shared/data/rosstat tests/data/grid-reference
#
# Writes one <file>.tsv per input with lines
#   count  <sheet>  <non-empty cells in the sheet>
#   merge  <sheet>  <first row> <first col> <last row> <last col>      (1-based)
#   s      <sheet>  <row> <col> <text>          a text cell, compared exactly
#   n      <sheet>  <row> <col> <repr(float)>   a numeric cell, compared as a number
# for every non-empty cell of the first ROWS rows and COLS columns of each sheet and SAMPLE
# cells drawn (seeded) from the rest. Text is escaped as \\ \t \n \r.
# An empty string counts as no cell; cells covered by a merged range keep
# what the file stores there (as xlrd does). CSV delimiters and encodings are given
# by hand below, not sniffed, so they check the reader's sniffing.

import csv
import os
import random
import sys

import openpyxl
import xlrd

ROWS = 20
COLS = 30
SAMPLE = 120
CSV_DIALECTS = {
    'newborn_2006_2022_monthly.csv': (';', 'utf-8'),
}


def escape(text):
    return (text.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n')
            .replace('\r', '\\r'))


def xls_cells(path):
    book = xlrd.open_workbook(path, formatting_info=True)
    for sheet in book.sheets():
        cells = []
        for r in range(sheet.nrows):
            for c in range(sheet.ncols):
                cell = sheet.cell(r, c)
                if cell.ctype == xlrd.XL_CELL_TEXT and cell.value != '':
                    cells.append((r + 1, c + 1, 's', cell.value))
                elif cell.ctype in (xlrd.XL_CELL_NUMBER, xlrd.XL_CELL_DATE):
                    cells.append((r + 1, c + 1, 'n', repr(float(cell.value))))
                elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                    cells.append((r + 1, c + 1, 's', 'TRUE' if cell.value else 'FALSE'))
                elif cell.ctype == xlrd.XL_CELL_ERROR:
                    cells.append((r + 1, c + 1, 's', xlrd.error_text_from_code[cell.value]))
        merges = [(r0 + 1, c0 + 1, r1, c1) for (r0, r1, c0, c1) in sheet.merged_cells]
        yield sheet.name, cells, merges


def xlsx_cells(path):
    # Read-only mode gives the cells as stored; the normal mode would blank
    # the cells a merged range covers (population.xlsx stores copies there).
    raw = openpyxl.load_workbook(path, read_only=True)
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        cells = []
        for row in raw[sheet.title].iter_rows():
            for cell in row:
                v = getattr(cell, 'value', None)
                if v is None or v == '':
                    continue
                if isinstance(v, bool):
                    cells.append((cell.row, cell.column, 's', 'TRUE' if v else 'FALSE'))
                elif isinstance(v, (int, float)):
                    cells.append((cell.row, cell.column, 'n', repr(float(v))))
                else:
                    cells.append((cell.row, cell.column, 's', str(v)))
        merges = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in sheet.merged_cells.ranges]
        yield sheet.title, cells, merges


def csv_cells(path):
    delimiter, encoding = CSV_DIALECTS.get(os.path.basename(path), (',', 'utf-8'))
    with open(path, newline='', encoding=encoding) as f:
        rows = list(csv.reader(f, delimiter=delimiter))
    cells = [(r + 1, c + 1, 's', v) for r, row in enumerate(rows) for c, v in enumerate(row)
             if v != '']
    yield os.path.splitext(os.path.basename(path))[0], cells, []


def write_reference(path, sheets, out):
    rng = random.Random(20260101)
    for name, cells, merges in sheets:
        out.write('count\t%s\t%d\n' % (escape(name), len(cells)))
        for m in merges:
            out.write('merge\t%s\t%d\t%d\t%d\t%d\n' % ((escape(name),) + tuple(m)))
        head = [c for c in cells if c[0] <= ROWS and c[1] <= COLS]
        rest = [c for c in cells if c[0] > ROWS or c[1] > COLS]
        chosen = head + sorted(rng.sample(rest, min(SAMPLE, len(rest))))
        for row, col, kind, value in chosen:
            out.write('%s\t%s\t%d\t%d\t%s\n' % (kind, escape(name), row, col, escape(value)))


def main():
    src, dst = sys.argv[1], sys.argv[2]
    readers = {'.xls': xls_cells, '.xlsx': xlsx_cells, '.csv': csv_cells}
    for name in sorted(os.listdir(src)):
        ext = os.path.splitext(name)[1]
        if ext not in readers:
            continue
        with open(os.path.join(dst, name + '.tsv'), 'w', encoding='utf-8', newline='\n') as out:
            write_reference(name, readers[ext](os.path.join(src, name)), out)


if __name__ == '__main__':
    main()
