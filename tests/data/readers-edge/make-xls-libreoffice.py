#!/usr/bin/python3
# make-xls-libreoffice.py — XLS edge-case inputs written by LibreOffice, and
# what xlrd reads from them, for tests/core/test-xls.c.
#
# Written for RegionLab, GPL-3.0-or-later.
#
# Command (from the source root; Debian's python3 with python3-xlsxwriter and
# python3-xlrd, LibreOffice 7.4 headless):
#
#   /usr/bin/python3 tests/data/readers-edge/make-xls-libreoffice.py tests/data/readers-edge
#
# Each workbook is first written as .xlsx with xlsxwriter, then converted by
# `soffice --headless --convert-to FILTER`:
#   xls-chart.xls        BIFF8 ('xls:MS Excel 97'): a worksheet of numbers with
#                        an embedded line chart (a chart substream, BOF type
#                        0x0020, nested inside the worksheet's substream) and
#                        cells placed after the chart.
# (LibreOffice 7.4 only reads BIFF5, so make-xls-edge.py writes the BIFF5
# workbook itself.) Next to each, <file>.tsv lists every non-empty cell as
# xlrd reads it (xlrd decodes BIFF5 text with the CODEPAGE record):
#   sheet <TAB> row <TAB> col <TAB> s|n <TAB> value     (1-based; numbers as repr)
# and "count <TAB> sheet <TAB> n" per sheet.
import os
import subprocess
import sys
import tempfile

import xlrd
import xlsxwriter


def chart_book(path):
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet('Data')
    ws.write_row(0, 0, ['Region', '2019', '2020', '2021'])
    rows = [('North', 1.5, 2.25, 3.0), ('South', 4.0, 5.5, 6.75), ('East', 7.0, 8.5, 9.25)]
    for r, row in enumerate(rows, start=1):
        ws.write_row(r, 0, row)
    chart = wb.add_chart({'type': 'line'})
    for r in range(1, 4):
        chart.add_series({'name': ['Data', r, 0], 'categories': ['Data', 0, 1, 0, 3],
                          'values': ['Data', r, 1, r, 3]})
    chart.set_title({'name': 'Chart title'})
    ws.insert_chart('B6', chart)
    ws.write(25, 0, 'after the chart')
    ws.write(25, 1, 42)
    wb.close()


def dump(xls, out):
    book = xlrd.open_workbook(xls, formatting_info=False)
    with open(out, 'w', encoding='utf-8') as f:
        for sh in book.sheets():
            n = 0
            lines = []
            for r in range(sh.nrows):
                for c in range(sh.ncols):
                    cell = sh.cell(r, c)
                    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                        continue
                    if cell.ctype == xlrd.XL_CELL_TEXT and cell.value == '':
                        continue
                    n += 1
                    if cell.ctype in (xlrd.XL_CELL_NUMBER, xlrd.XL_CELL_DATE):
                        lines.append('%s\t%d\t%d\tn\t%r\n' % (sh.name, r + 1, c + 1, cell.value))
                    else:
                        lines.append('%s\t%d\t%d\ts\t%s\n' % (sh.name, r + 1, c + 1, cell.value))
            f.write('count\t%s\t%d\n' % (sh.name, n))
            f.writelines(lines)


def convert(xlsx, filt, dest):
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, HOME=tmp)
        subprocess.run(['soffice', '--headless', '--convert-to', filt, '--outdir', tmp, xlsx],
                       check=True, env=env, stdout=subprocess.DEVNULL)
        base = os.path.splitext(os.path.basename(xlsx))[0] + '.xls'
        os.replace(os.path.join(tmp, base), dest)


def main():
    outdir = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        for name, make, filt in (('xls-chart', chart_book, 'xls:MS Excel 97'),):
            xlsx = os.path.join(tmp, name + '.xlsx')
            make(xlsx)
            dest = os.path.join(outdir, name + '.xls')
            convert(xlsx, filt, dest)
            dump(dest, dest + '.tsv')


if __name__ == '__main__':
    main()
