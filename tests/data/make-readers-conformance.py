#!/usr/bin/python3
# make-readers-conformance.py — small workbooks from several producers and the
# cells an independent reader finds in them, for tests/core/test-readers.c.
#
# Command (from the source root; LibreOffice, Gnumeric's ssconvert and
# Debian's python3 with openpyxl, xlrd, odfpy and xlsxwriter installed):
#
#   /usr/bin/python3 tests/data/make-readers-conformance.py tests/data/readers
#
# Writes every workbook of tests/data/readers/README.md and, next to each,
# <file>.tsv with its expected cells, one line each (fields separated by tabs,
# text escaped as \\ \t \n \r):
#   sheet   <sheet>  <position in the workbook, from 1>
#   count   <sheet>  <non-empty cells>
#   merges  <sheet>  <merged ranges>
#   merge   <sheet>  <first row> <first col> <last row> <last col>    (1-based)
#   s       <sheet>  <row> <col> <text>                 a text cell, compared exactly
#   n       <sheet>  <row> <col> <repr(float)> [<text>] a number, and the text shown
#                                                       for a date (and in ODS for any)
# Expected cells come from openpyxl (.xlsx), xlrd (.xls), odfpy (.ods) and
# Python's csv module (.csv); for the hand-written packages (hand-*) and the
# ST_Xstring escapes (xlsxwriter-escapes*) they are written below by hand,
# from ECMA-376 and ODF 1.3. The script writes into a temporary folder the
# flat ODF sources LibreOffice converts and gives LibreOffice a profile of its
# own there, so it runs beside an open office suite.

import csv
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
import xlrd
import xlsxwriter
from odf import teletype
from odf.namespaces import OFFICENS, TABLENS, TEXTNS
from odf.opendocument import load as odf_load
from openpyxl.utils.datetime import CALENDAR_MAC_1904, to_excel

LONG_UK = ('Довгий рядок: ' + 'їжак ґанок єнот ірис Київ Львів Ізюм ' * 100)[:3000]
LONG_RU = ('Длинная строка: ' + 'съешь же ещё этих мягких французских булок ' * 50)[:2000]
LONG_ASCII = ('ASCII only ' + 'abcdefghij' * 300)[:3000]
LONG_MIXED = 'Ґ' + ('then Latin letters only ' * 150)[:2999]
ESC = {'\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r'}


def escape(text):
    return ''.join(ESC.get(ch, ch) for ch in text)


# ---------------------------------------------------------------- references

def iso_text(moment, serial):
    """RegionLab shows a date as ISO 8601; a serial below 1 as a time alone."""
    if isinstance(moment, datetime.time):
        moment = datetime.datetime.combine(datetime.date(1899, 12, 31), moment)
    moment = (moment + datetime.timedelta(microseconds=500000)).replace(microsecond=0)
    if serial < 1:
        return moment.strftime('%H:%M:%S')
    if moment.time() == datetime.time(0):
        return moment.strftime('%Y-%m-%d')
    return moment.strftime('%Y-%m-%d %H:%M:%S')


def write_reference(path, origin, sheets):
    """sheets: (name, cells, merges); cells: (row, col, kind, value, shown or None)."""
    with open(path + '.tsv', 'w', encoding='utf-8', newline='\n') as out:
        out.write('# %s: %s\n' % (os.path.basename(path), origin))
        for index, (name, cells, merges) in enumerate(sheets, 1):
            cells = sorted(c for c in cells if not (c[2] == 's' and c[3] == ''))
            sheet = escape(name)
            out.write('sheet\t%s\t%d\ncount\t%s\t%d\n' % (sheet, index, sheet, len(cells)))
            out.write('merges\t%s\t%d\n' % (sheet, len(merges)))
            for m in sorted(merges):
                out.write('merge\t%s\t%d\t%d\t%d\t%d\n' % ((sheet,) + tuple(m)))
            for row, col, kind, value, shown in cells:
                text = escape(value) if kind == 's' else repr(float(value))
                if shown is not None:
                    text += '\t' + escape(shown)
                out.write('%s\t%s\t%d\t%d\t%s\n' % (kind, sheet, row, col, text))


def xls_reference(path):
    book = xlrd.open_workbook(path, formatting_info=True)
    sheets = []
    for sheet in book.sheets():
        cells = []
        for r in range(sheet.nrows):
            for c in range(sheet.ncols):
                cell = sheet.cell(r, c)
                where = (r + 1, c + 1)
                if cell.ctype == xlrd.XL_CELL_TEXT:
                    cells.append(where + ('s', cell.value, None))
                elif cell.ctype == xlrd.XL_CELL_NUMBER:
                    cells.append(where + ('n', cell.value, None))
                elif cell.ctype == xlrd.XL_CELL_DATE:
                    moment = xlrd.xldate_as_datetime(cell.value, book.datemode)
                    cells.append(where + ('n', cell.value, iso_text(moment, cell.value)))
                elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                    cells.append(where + ('s', 'TRUE' if cell.value else 'FALSE', None))
                elif cell.ctype == xlrd.XL_CELL_ERROR:
                    cells.append(where + ('s', xlrd.error_text_from_code[cell.value], None))
        merges = [(r0 + 1, c0 + 1, r1, c1) for (r0, r1, c0, c1) in sheet.merged_cells]
        sheets.append((sheet.name, cells, merges))
    return 'xlrd %s (BIFF %d, code page %s)' % (xlrd.__VERSION__, book.biff_version,
                                                book.codepage), sheets


def whole_continued_labels(origin, sheets):
    """gnumeric-biff5.xls: xlrd (and LibreOffice) stop a BIFF5 LABEL at the end
    of its record; Gnumeric writes the rest of a long one in CONTINUE records
    and reads it back, and so does RegionLab: the long texts are whole."""
    whole = [LONG_UK, LONG_RU, LONG_ASCII, LONG_MIXED]
    for _, cells, _ in sheets:
        for i, (row, col, kind, value, shown) in enumerate(cells):
            longer = [t for t in whole if kind == 's' and t != value and t.startswith(value)
                      and len(value) == 2072]
            if longer:
                cells[i] = (row, col, kind, longer[0], shown)
    return origin + ', the LABELs continued in CONTINUE records whole', sheets


def xlsx_value(cell, epoch):
    v = cell.value
    where = (cell.row, cell.column)
    if isinstance(v, bool):
        return where + ('s', 'TRUE' if v else 'FALSE', None)
    if isinstance(v, (int, float)):
        return where + ('n', v, None)
    if isinstance(v, (datetime.datetime, datetime.date, datetime.time)):
        if isinstance(v, datetime.date) and not isinstance(v, datetime.datetime):
            v = datetime.datetime.combine(v, datetime.time(0))
        serial = to_excel(v, epoch)
        return where + ('n', serial, iso_text(v, serial))
    return where + ('s', str(v), None)


def xlsx_reference(path):
    # Read-only mode gives the cells as stored (also under merged ranges) and
    # data_only the cached results of formulas; the normal mode gives merges.
    raw = openpyxl.load_workbook(path, read_only=True, data_only=True)
    book = openpyxl.load_workbook(path)
    sheets = []
    for sheet in book.worksheets:
        cells = [xlsx_value(cell, raw.epoch) for row in raw[sheet.title].iter_rows()
                 for cell in row if getattr(cell, 'value', None) is not None]
        merges = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in sheet.merged_cells.ranges]
        sheets.append((sheet.title, cells, merges))
    return 'openpyxl %s, data_only' % openpyxl.__version__, sheets


def ods_rows(element):
    """The table rows of a table, also those in header-rows, rows and row groups."""
    for child in element.childNodes:
        if child.qname == (TABLENS, 'table-row'):
            yield child
        elif child.qname in ((TABLENS, 'table-header-rows'), (TABLENS, 'table-rows'),
                             (TABLENS, 'table-row-group')):
            yield from ods_rows(child)


def ods_cell(cell, row, col):
    paragraphs = [teletype.extractText(p) for p in cell.childNodes
                  if p.qname in ((TEXTNS, 'p'), (TEXTNS, 'h'))]
    text = '\n'.join(paragraphs)
    kind = cell.getAttrNS(OFFICENS, 'value-type')
    value = cell.getAttrNS(OFFICENS, 'value')
    if kind in ('float', 'percentage', 'currency') and value is not None:
        return (row, col, 'n', float(value), text if paragraphs else None)
    if not paragraphs:
        for attr in ('string-value', 'date-value', 'time-value', 'boolean-value'):
            if cell.getAttrNS(OFFICENS, attr) is not None:
                return (row, col, 's', cell.getAttrNS(OFFICENS, attr), None)
    return (row, col, 's', text, None)


def ods_reference(path):
    doc = odf_load(path)
    sheets = []
    for table in doc.spreadsheet.childNodes:
        if table.qname != (TABLENS, 'table'):
            continue
        cells, merges, row = [], [], 1
        for tr in ods_rows(table):
            rows = int(tr.getAttrNS(TABLENS, 'number-rows-repeated') or 1)
            col, found = 1, []
            for tc in tr.childNodes:
                if tc.qname not in ((TABLENS, 'table-cell'), (TABLENS, 'covered-table-cell')):
                    continue
                cols = int(tc.getAttrNS(TABLENS, 'number-columns-repeated') or 1)
                span_c = int(tc.getAttrNS(TABLENS, 'number-columns-spanned') or 1)
                span_r = int(tc.getAttrNS(TABLENS, 'number-rows-spanned') or 1)
                if span_c > 1 or span_r > 1:
                    merges.append((row, col, row + span_r - 1, col + span_c - 1))
                cell = ods_cell(tc, row, col)
                if cell[2] == 'n' or cell[3] != '':
                    found += [cell[:1] + (col + k,) + cell[2:] for k in range(cols)]
                col += cols
            for k in range(rows if found else 0):
                cells += [(row + k,) + c[1:] for c in found]
            row += rows
        sheets.append((table.getAttrNS(TABLENS, 'name'), cells, merges))
    return 'odfpy 1.4.2 (text:p as shown, office:value for numbers)', sheets


def csv_reference(path, delimiter, encoding):
    with open(path, newline='', encoding=encoding) as f:
        rows = list(csv.reader(f, delimiter=delimiter))
    cells = [(r + 1, c + 1, 's', v, None) for r, row in enumerate(rows) for c, v in enumerate(row)]
    name = os.path.splitext(os.path.basename(path))[0]
    return 'Python %d.%d csv, %r, %s' % (sys.version_info[:2] + (delimiter, encoding)), \
        [(name, cells, [])]


# ---------------------------------------------------------------- LibreOffice and Gnumeric

FODS_NS = ' '.join('xmlns:%s="%s"' % kv for kv in [
    ('office', OFFICENS), ('table', TABLENS), ('text', TEXTNS),
    ('style', 'urn:oasis:names:tc:opendocument:xmlns:style:1.0'),
    ('number', 'urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0'),
    ('fo', 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0'),
    ('of', 'urn:oasis:names:tc:opendocument:xmlns:of:1.2')])

FODS_STYLES = '''
<number:number-style style:name="N2"><number:number number:decimal-places="2"
 number:min-decimal-places="2" number:min-integer-digits="1"/></number:number-style>
<number:number-style style:name="N3"><number:number number:decimal-places="3"
 number:min-decimal-places="3" number:min-integer-digits="1"/></number:number-style>
<number:number-style style:name="NTH"><number:number number:decimal-places="2"
 number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/>
</number:number-style>
<number:percentage-style style:name="NP"><number:number number:decimal-places="2"
 number:min-decimal-places="2" number:min-integer-digits="1"/><number:text>%</number:text>
</number:percentage-style>
<number:number-style style:name="NBRP"><number:number number:decimal-places="0"
 number:min-integer-digits="1" number:grouping="true"/></number:number-style>
<number:number-style style:name="NBR"><number:text>(</number:text><number:number
 number:decimal-places="0" number:min-integer-digits="1" number:grouping="true"/>
 <number:text>)</number:text><style:map style:condition="value()&gt;=0"
 style:apply-style-name="NBRP"/></number:number-style>
<number:number-style style:name="NSCI"><number:scientific-number number:decimal-places="2"
 number:min-integer-digits="1" number:min-exponent-digits="2"/></number:number-style>
<number:number-style style:name="NUNIT"><number:number number:decimal-places="1"
 number:min-decimal-places="1" number:min-integer-digits="1" number:grouping="true"/>
 <number:text> млн руб.</number:text></number:number-style>
<number:date-style style:name="DISO"><number:year number:style="long"/><number:text>-</number:text>
 <number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/>
</number:date-style>
<number:date-style style:name="DRU"><number:day number:style="long"/><number:text>.</number:text>
 <number:month number:style="long"/><number:text>.</number:text><number:year number:style="long"/>
</number:date-style>
<number:date-style style:name="DTM"><number:day number:style="long"/><number:text>.</number:text>
 <number:month number:style="long"/><number:text>.</number:text><number:year number:style="long"/>
 <number:text> </number:text><number:hours number:style="long"/><number:text>:</number:text>
 <number:minutes number:style="long"/><number:text>:</number:text>
 <number:seconds number:style="long"/></number:date-style>
<number:time-style style:name="TM"><number:hours number:style="long"/><number:text>:</number:text>
 <number:minutes number:style="long"/><number:text>:</number:text>
 <number:seconds number:style="long"/></number:time-style>
<number:boolean-style style:name="NB"><number:boolean/></number:boolean-style>
''' + ''.join('<style:style style:name="c%s" style:family="table-cell" '
              'style:data-style-name="%s"/>\n' % (n, n)
              for n in ('N2', 'N3', 'NTH', 'NP', 'NBR', 'NSCI', 'NUNIT', 'DISO', 'DRU', 'DTM',
                        'TM', 'NB')) + '''
<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/>
</style:style>
<style:style style:name="T2" style:family="text"><style:text-properties fo:font-style="italic"/>
</style:style>
<style:style style:name="T3" style:family="text"><style:text-properties fo:color="#c00000"/>
</style:style>
<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/>
</style:style>
<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/>
</style:style>'''


def xml_text(text):
    return text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def para(text):
    """A text:p with leading, trailing and repeated spaces as text:s and line breaks."""
    out = []
    for i, line in enumerate(text.split('\n')):
        if i:
            out.append('<text:line-break/>')
        stripped = line.lstrip(' ')
        lead = len(line) - len(stripped)
        body = stripped.rstrip(' ')
        trail = len(stripped) - len(body)
        if lead:
            out.append('<text:s text:c="%d"/>' % lead)
        out.append(xml_text(body))
        if trail:
            out.append('<text:s text:c="%d"/>' % trail)
    return '<text:p>%s</text:p>' % ''.join(out)


def fc(content='', attrs='', covered=False):
    tag = 'table:covered-table-cell' if covered else 'table:table-cell'
    return '<%s %s>%s</%s>' % (tag, attrs, content, tag)


def fs(text, attrs=''):
    return fc(para(text), 'office:value-type="string" ' + attrs)


def fn(value, style=None, shown=None, formula=None):
    attrs = 'office:value-type="float" office:value="%r"' % value
    if style:
        attrs += ' table:style-name="c%s"' % style
    if formula:
        attrs += ' table:formula="%s"' % xml_text(formula).replace('"', '&quot;')
    return fc(para(shown if shown is not None else repr(value)), attrs)


def fd(iso, style, shown):
    kind = 'time' if iso.startswith('PT') else 'date'
    return fc(para(shown), 'office:value-type="%s" office:%s-value="%s" table:style-name="c%s"'
              % (kind, kind, iso, style))


def frow(*cells, repeat=1):
    attr = ' table:number-rows-repeated="%d"' % repeat if repeat > 1 else ''
    return '<table:table-row%s>%s</table:table-row>\n' % (attr, ''.join(cells))


def ftable(name, rows, hidden=False):
    return '<table:table table:name="%s" table:style-name="%s">\n%s</table:table>\n' % (
        xml_text(name).replace('"', '&quot;'), 'ta2' if hidden else 'ta1', ''.join(rows))


def fods_numbers():
    rows = [
        ('Целое', fn(42)), ('Отрицательное', fn(-17)), ('Дробное', fn(0.1)),
        ('Много знаков', fn(1234.56789)), ('Большое', fn(123456789012345.0)),
        ('Малое', fn(1.5e-10)), ('Два знака', fn(3.14159, 'N2', '3.14')),
        ('Три знака', fn(2.5, 'N3', '2.500')), ('Процент', fn(0.125, 'NP', '12.50%')),
        ('Разряды', fn(1234567.891, 'NTH', '1,234,567.89')),
        ('Скобки', fn(-1234, 'NBR', '(1,234)')), ('Скобки плюс', fn(1234, 'NBR', '1,234')),
        ('Экспонента', fn(12345.678, 'NSCI', '1.23E+04')),
        ('Единицы', fn(2500.25, 'NUNIT', '2,500.3 млн руб.')), ('Ноль', fn(0)),
        ('Формула число', fn(84, formula='of:=[.B1]*2')),
        ('Формула строка', fc(para('Целое!'), 'office:value-type="string" '
                              'table:formula="of:=[.A1]&amp;&quot;!&quot;"')),
        ('Ошибка', fc(para('#DIV/0!'), 'table:formula="of:=1/0"')),
        ('Нет данных', fc(para('#N/A'), 'table:formula="of:=NA()"')),
        ('Формула логика', fc(para('TRUE'), 'office:value-type="boolean" '
                              'office:boolean-value="true" table:style-name="cNB" '
                              'table:formula="of:=1=1"')),
        ('Формула пусто', fc('<text:p/>', 'office:value-type="string" '
                             'table:formula="of:=&quot;&quot;"')),
    ]
    body = [frow(fs(label), cell) for label, cell in rows]
    # the same formula down a column, which BIFF8 may write as a shared formula
    for i, value in enumerate((43, -16, 1.1, 1235.56789)):
        body[i] = body[i].replace('</table:table-row>', fn(value, formula='of:=[.B%d]+1' % (i + 1))
                                  + '</table:table-row>')
    boolean = 'office:value-type="boolean" office:boolean-value="%s" table:style-name="cNB"'
    body.append(frow(fs('Логические'), fc(para('TRUE'), boolean % 'true'),
                     fc(para('FALSE'), boolean % 'false')))
    return ftable('Числа', body)


def fods_dates():
    rows = [
        ('ISO', fd('2020-01-31', 'DISO', '2020-01-31')),
        ('ДД.ММ.ГГГГ', fd('2021-12-05', 'DRU', '05.12.2021')),
        ('Дата и время', fd('2021-06-15T13:45:30', 'DTM', '15.06.2021 13:45:30')),
        ('Время', fd('PT08H30M00S', 'TM', '08:30:00')),
        ('До марта 1900', fd('1900-01-15', 'DISO', '1900-01-15')),
        ('Високосный', fd('2024-02-29', 'DISO', '2024-02-29')),
        ('Год числом', fn(2019)),
    ]
    return ftable('Даты', [frow(fs(label), cell) for label, cell in rows])


def fods_texts():
    rich = ('<text:p>Звичайний <text:span text:style-name="T1">жирний</text:span> і '
            '<text:span text:style-name="T2">курсив</text:span>, '
            '<text:span text:style-name="T3">червоний</text:span></text:p>')
    body = [
        frow(fs('Їжак, ґанок, єнот, ірис — ІЇЄҐ'), fs('Російська: съешь ещё')),
        frow(fs('    Центральный федеральный округ'), fs('  Белгородская область')),
        frow(fs('хвіст  '), fs('перший\nдругий')),
        frow(fc('<text:p>абзац один</text:p><text:p>абзац два</text:p>',
                'office:value-type="string"'), fs('a < b & c > "d" \'e\'')),
        frow(fc(rich, 'office:value-type="string"'), fs('1\u00a0234 без пробілу')),
        frow(fc('<text:p/>', 'office:value-type="string"'), fs('після порожнього')),
        frow(fs(LONG_UK), fs(LONG_RU), fs(LONG_ASCII), fs(LONG_MIXED)),
        frow(fs('таб\tулюція')),
        frow(fs('об’єднано через стовпці', 'table:number-columns-spanned="3"'), fc(covered=True),
             fc(para('під об’єднанням'), 'office:value-type="string"', covered=True),
             fs('D справа')),
        frow(fs('через рядки', 'table:number-rows-spanned="3"'),
             fs('блок', 'table:number-rows-spanned="2" table:number-columns-spanned="2"'),
             fc(covered=True)),
        frow(fc(covered=True), fc(covered=True), fc(covered=True)),
        frow(fc(covered=True), fs('B13')),
    ]
    return ftable('Тексти', body)


def fods_hidden():
    # and the last cell of a BIFF8 sheet, IV65536
    last = frow(fc('', 'table:number-columns-repeated="255"'), fs('IV65536'))
    return ftable('Прихований', [frow(fs('таємний'), fn(1)), frow(fs('рядок 2')),
                                 frow(fc(), repeat=65533), last], hidden=True)


def fods_repeats():
    rep = 'table:number-columns-repeated="%d" '
    body = [
        frow(fc(para('повтор'), rep % 3 + 'office:value-type="string"'),
             fc(para('7'), rep % 4 + 'office:value-type="float" office:value="7"'),
             fc('', rep % 10), fs('після пропуску')),
        frow(fs('рядок'), fn(1), repeat=3),
        frow(fc('', rep % 5), repeat=5),
        frow(fs('після порожніх'), fc('', rep % 2), fn(2.5)),
    ]
    return ftable('Повтори', body)


def fods_apostrophe():
    return ftable("Об'єм & ціни", [frow(fs('ціна'), fn(9.99, 'N2', '9.99'))])


CHART_NS = ('xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
            'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
            'xmlns:chart="urn:oasis:names:tc:opendocument:xmlns:chart:1.0"')
CHART = '''<draw:frame draw:z-index="0" svg:width="8cm" svg:height="5cm" svg:x="0cm" svg:y="0cm">
<draw:object><office:document office:mimetype="application/vnd.oasis.opendocument.chart"
 office:version="1.3"><office:body><office:chart><chart:chart chart:class="chart:bar"
 svg:width="8cm" svg:height="5cm"><chart:plot-area
 table:cell-range-address="Діаграма.A1:Діаграма.B3"
 chart:data-source-has-labels="both"><chart:axis chart:dimension="x" chart:name="primary-x">
<chart:categories table:cell-range-address="Діаграма.A2:Діаграма.A3"/></chart:axis>
<chart:axis chart:dimension="y" chart:name="primary-y"/><chart:series chart:class="chart:bar"
 chart:values-cell-range-address="Діаграма.B2:Діаграма.B3" chart:label-cell-address="Діаграма.B1">
<chart:data-point chart:repeated="2"/></chart:series></chart:plot-area></chart:chart>
</office:chart></office:body></office:document></draw:object></draw:frame>'''


def fods_chart():
    """A sheet with an embedded bar chart of its cells (a chart substream in BIFF8)."""
    return ftable('Діаграма', [
        frow(fs('Регіон'), fs('2020')), frow(fs('Київ'), fn(10.5), fc(CHART)),
        frow(fs('Львів'), fn(7)),
        frow(fs('після діаграми', 'table:number-columns-spanned="2"'), fc(covered=True))])


def fods_1904():
    """Dates of a workbook whose day 0 is 1 January 1904 (no time alone: openpyxl-1904)."""
    null_date = ('<table:calculation-settings><table:null-date table:date-value="1904-01-01"/>'
                 '</table:calculation-settings>\n')
    rows = [('ISO', fd('2020-01-31', 'DISO', '2020-01-31')),
            ('Дата и время', fd('2021-06-15T13:45:30', 'DTM', '15.06.2021 13:45:30')),
            ('День 1', fd('1904-01-02', 'DISO', '1904-01-02')),
            ('Високосный', fd('2024-02-29', 'DISO', '2024-02-29')), ('Число', fn(2019))]
    return null_date + ftable('Даты 1904', [frow(fs(label), cell) for label, cell in rows])


def write_fods(path, tables):
    with open(path, 'w', encoding='utf-8') as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                  '<office:document %s %s office:version="1.3" '
                  'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">\n'
                  '<office:automatic-styles>%s</office:automatic-styles>\n'
                  '<office:body><office:spreadsheet>\n%s</office:spreadsheet></office:body>'
                  '</office:document>\n' % (FODS_NS, CHART_NS, FODS_STYLES, tables))


def soffice(sources, filt, outdir, tmp):
    subprocess.run(['soffice', '-env:UserInstallation=file://' + os.path.join(tmp, 'profile'),
                    '--headless', '--convert-to', filt, '--outdir', outdir] + sources,
                   check=True, stdout=subprocess.DEVNULL)


def ssconvert(src, dst, export):
    # Gnumeric takes the BIFF5 code page from the Windows language it is told.
    env = dict(os.environ, WINDOWS_LANGUAGE='ru')
    subprocess.run(['ssconvert', '--export-type=' + export, src, dst], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def make_office_files(dst, tmp):
    sources = {'lo': (fods_numbers() + fods_dates() + fods_texts() + fods_hidden()
                      + fods_repeats() + fods_apostrophe()),
               'lo-chart': fods_chart() + ftable('Другий', [frow(fs('другий аркуш'))]),
               'lo-1904': fods_1904()}
    for name, tables in sources.items():
        write_fods(os.path.join(tmp, name + '.fods'), tables)
    for filt, ext in (('xls:MS Excel 97', 'xls'), ('xlsx:Calc MS Excel 2007 XML', 'xlsx'),
                      ('ods', 'ods')):
        soffice([os.path.join(tmp, name + '.fods') for name in sources], filt, tmp, tmp)
        for name in sources:
            shutil.copy(os.path.join(tmp, name + '.' + ext), os.path.join(dst, name + '.' + ext))
    ssconvert(os.path.join(dst, 'lo.ods'), os.path.join(dst, 'gnumeric-biff5.xls'),
              'Gnumeric_Excel:excel_biff7')
    ssconvert(os.path.join(dst, 'lo.ods'), os.path.join(dst, 'gnumeric-biff8.xls'),
              'Gnumeric_Excel:excel_biff8')
    very_hidden(os.path.join(dst, 'lo.xls'), os.path.join(dst, 'lo-veryhidden.xls'),
                'Прихований')


def very_hidden(src, dst, name):
    """Copies a BIFF8 file with the hidden sheet's BOUNDSHEET flag set to very hidden (2)."""
    data = bytearray(open(src, 'rb').read())
    wide = name.encode('utf-16-le')
    body = bytes([len(name), 1]) + wide
    at = data.find(body)
    if at < 0 or data[at - 10:at - 8] != b'\x85\x00' or data[at - 2] != 1:
        raise SystemExit('%s: no BOUNDSHEET of a hidden sheet “%s”' % (src, name))
    data[at - 2] = 2
    with open(dst, 'wb') as out:
        out.write(data)


# ---------------------------------------------------------------- openpyxl and xlsxwriter

def openpyxl_sheets(wb):
    ws = wb.active
    ws.title = 'Числа'
    formats = [(42, None), (-17, None), (0.1, None), (1234.56789, None), (3.14159, '0.00'),
               (2.5, '0.000'), (0.125, '0.00%'), (1234567.891, '#,##0.00'),
               (-1234, '#,##0;(#,##0)'),
               (12345.678, '0.00E+00'), (2500.25, '#,##0.0" млн руб."'), (0, None)]
    for i, (value, fmt) in enumerate(formats, 1):
        ws.cell(i, 1, 'число %d' % i)
        cell = ws.cell(i, 2, value)
        if fmt:
            cell.number_format = fmt
    ws.cell(20, 1, True)
    ws.cell(20, 2, False)
    ws.cell(21, 1, '#N/A')
    ws.cell(21, 2, '#DIV/0!')
    ws = wb.create_sheet('Даты')
    dates = [(datetime.datetime(2020, 1, 31), 'yyyy-mm-dd'),
             (datetime.datetime(2021, 12, 5), 'dd.mm.yyyy'),
             (datetime.datetime(2021, 6, 15, 13, 45, 30), 'dd.mm.yyyy hh:mm:ss'),
             (datetime.time(8, 30), 'hh:mm:ss'), (datetime.datetime(2024, 2, 29), 'yyyy-mm-dd'),
             # built-in formats, written as a numFmtId alone
             (datetime.datetime(2022, 3, 8), 'mm-dd-yy'),
             (datetime.datetime(2022, 3, 9), 'd-mmm-yy'),
             (datetime.time(17, 5), 'h:mm'), (datetime.datetime(2022, 3, 10, 9, 15), 'm/d/yy h:mm')]
    for i, (value, fmt) in enumerate(dates, 1):
        ws.cell(i, 1, value).number_format = fmt
    return ws


def make_openpyxl(dst):
    wb = openpyxl.Workbook()
    ws = openpyxl_sheets(wb)
    ws.cell(11, 1, datetime.datetime(1900, 1, 15)).number_format = 'yyyy-mm-dd'
    ws = wb.create_sheet('Тексти')
    texts = ['Їжак, ґанок, єнот, ірис — ІЇЄҐ', '    Центральный федеральный округ',
             '  Белгородская область', 'хвіст  ', 'перший\nдругий', '', 'a < b & c > "d"',
             LONG_UK, '1\u00a0234']
    for i, text in enumerate(texts, 1):
        ws.cell(i, 1, text)
    ws.cell(10, 1, 'об’єднано через стовпці')
    ws.merge_cells('A10:C10')
    ws.cell(11, 1, 'через рядки')
    ws.merge_cells('A11:A13')
    ws = wb.create_sheet('Прихований')
    ws.sheet_state = 'hidden'
    ws.cell(1, 1, 'таємний')
    ws = wb.create_sheet('Дуже прихований')
    ws.sheet_state = 'veryHidden'
    ws.cell(2, 2, 'зовсім таємний')
    wb.save(os.path.join(dst, 'openpyxl.xlsx'))

    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    openpyxl_sheets(wb)
    wb.save(os.path.join(dst, 'openpyxl-1904.xlsx'))

    wb = openpyxl.Workbook()
    wb.iso_dates = True
    ws = wb.active
    ws.title = 'ISO'
    ws.cell(1, 1, datetime.datetime(2020, 1, 31)).number_format = 'yyyy-mm-dd'
    ws.cell(2, 1, datetime.datetime(2021, 6, 15, 13, 45, 30)).number_format = 'yyyy-mm-dd hh:mm:ss'
    ws.cell(3, 1, 'текст')
    wb.save(os.path.join(dst, 'openpyxl-isodates.xlsx'))


def xlsxwriter_book(path, constant_memory):
    wb = xlsxwriter.Workbook(path, {'constant_memory': constant_memory})
    bold, italic = wb.add_format({'bold': True}), wb.add_format({'italic': True})
    fmt = {code: wb.add_format({'num_format': code}) for code in
           ('0.00', '#,##0.00', '0.00%', '#,##0;(#,##0)', 'yyyy-mm-dd', 'dd.mm.yyyy hh:mm:ss',
            'hh:mm:ss')}
    ws = wb.add_worksheet('Дані')
    ws.write_string(0, 0, 'Їжак, ґанок, єнот, ірис')
    ws.write_string(0, 1, 'Їжак, ґанок, єнот, ірис')        # a shared string used twice
    ws.write_rich_string(1, 0, 'Звичайний ', bold, 'жирний', ' і ', italic, 'курсив')
    ws.write_rich_string(1, 1, '  відступ ', bold, 'жирно')
    ws.write_string(2, 0, '    Центральный федеральный округ')
    ws.write_string(2, 1, 'хвіст  ')
    ws.write_string(3, 0, LONG_UK)
    ws.write_string(3, 1, 'a < b & c > "d"\nрядок')
    ws.write_number(4, 0, 1234.5, fmt['0.00'])
    ws.write_number(4, 1, 1234567.891, fmt['#,##0.00'])
    ws.write_number(4, 2, 0.125, fmt['0.00%'])
    ws.write_number(4, 3, -1234, fmt['#,##0;(#,##0)'])
    ws.write_datetime(5, 0, datetime.datetime(2020, 1, 31), fmt['yyyy-mm-dd'])
    ws.write_datetime(5, 1, datetime.datetime(2021, 6, 15, 13, 45, 30), fmt['dd.mm.yyyy hh:mm:ss'])
    ws.write_datetime(5, 2, datetime.time(8, 30), fmt['hh:mm:ss'])
    ws.write_boolean(6, 0, True)
    ws.write_boolean(6, 1, False)
    ws.write_formula(7, 0, '=2+3', None, 5)
    ws.write_formula(7, 1, '=A1&"!"', None, 'Їжак, ґанок, єнот, ірис!')
    ws.write_formula(7, 2, '=1=1', None, True)
    ws.write_formula(7, 3, '=1/0', None, '#DIV/0!')
    ws.write_formula(7, 4, '=A5*2', None, 2469)
    ws.write_array_formula(7, 5, 8, 5, '{=A5:A6*2}', None, 2469)
    ws.merge_range(9, 0, 9, 2, 'об’єднано через стовпці')
    ws.merge_range(10, 0, 12, 0, 'через рядки')
    ws.merge_range(10, 1, 11, 2, 'блок')
    ws.write_string(12, 1, 'B13')
    hidden = wb.add_worksheet('Прихований')
    hidden.write_string(0, 0, 'таємний')
    hidden.hide()
    wb.add_worksheet("Об'єм і ціни").write_number(0, 0, 9.99, fmt['0.00'])
    wb.close()


# xlsxwriter escapes a carriage return as _x000D_ and a literal _x0041_ as
# _x005F_x0041_ (ECMA-376 part 1, 22.9.2.19 ST_Xstring). openpyxl 3.0.9 decodes
# neither in inline strings and only the second in shared strings, so the
# expected cells are written by hand.
ESCAPED = [(1, 1, 's', 'CR\r\nLF', None), (1, 2, 's', 'буквально _x0041_', None),
           (1, 3, 's', 'дзвінок\x07', None)]


def xlsxwriter_escapes(path, constant_memory):
    wb = xlsxwriter.Workbook(path, {'constant_memory': constant_memory})
    ws = wb.add_worksheet('Дані')
    for row, col, _, text, _ in ESCAPED:
        ws.write_string(row - 1, col - 1, text)
    wb.close()
    write_reference(path, 'written by hand: _xHHHH_ escapes of ST_Xstring in %s strings'
                    % ('inline' if constant_memory else 'shared'), [('Дані', ESCAPED, [])])


def xlsxwriter_chartsheet(path):
    """A chart sheet first, then the worksheet it plots: the chart sheet holds no cells."""
    wb = xlsxwriter.Workbook(path)
    chartsheet = wb.add_chartsheet('Діаграма')
    ws = wb.add_worksheet('Дані')
    for row, (name, value) in enumerate((('Київ', 10.5), ('Львів', 7))):
        ws.write_string(row, 0, name)
        ws.write_number(row, 1, value)
    chart = wb.add_chart({'type': 'column'})
    chart.add_series({'categories': "='Дані'!$A$1:$A$2", 'values': "='Дані'!$B$1:$B$2"})
    chartsheet.set_chart(chart)
    chartsheet.activate()
    wb.close()


def make_xlsxwriter(dst):
    xlsxwriter_chartsheet(os.path.join(dst, 'xlsxwriter-chartsheet.xlsx'))
    xlsxwriter_book(os.path.join(dst, 'xlsxwriter.xlsx'), False)
    xlsxwriter_book(os.path.join(dst, 'xlsxwriter-inline.xlsx'), True)
    xlsxwriter_escapes(os.path.join(dst, 'xlsxwriter-escapes.xlsx'), False)
    xlsxwriter_escapes(os.path.join(dst, 'xlsxwriter-escapes-inline.xlsx'), True)


# ---------------------------------------------------------------- CSV

CSV_ROWS = [
    ['Регион', '2019', '2020'],
    ['    Центральный федеральный округ', '1 234,5', '1 300,0'],
    ['Москва; город', '"кавычки"', ''],
    ['Київ, Львів: ї є ґ і', '-7', '12,3 1)'],
    ['две\nстроки', '', 'конец'],
    [],
    ['после пустой строки'],
]


def make_csv(dst):
    with open(os.path.join(dst, 'cp1251-semicolon.csv'), 'w', encoding='cp1251',
              newline='') as f:
        csv.writer(f, delimiter=';', lineterminator='\r\n').writerows(CSV_ROWS)
    with open(os.path.join(dst, 'utf8-bom.csv'), 'w', encoding='utf-8-sig', newline='') as f:
        csv.writer(f, delimiter=',', lineterminator='\n').writerows(CSV_ROWS)
    with open(os.path.join(dst, 'utf16-tab.csv'), 'w', encoding='utf-16', newline='') as f:
        csv.writer(f, delimiter='\t', lineterminator='\r\n').writerows(CSV_ROWS)
    with open(os.path.join(dst, 'utf8-cr.csv'), 'w', encoding='utf-8', newline='') as f:
        csv.writer(f, delimiter=',', lineterminator='\r').writerows(CSV_ROWS)


# ---------------------------------------------------------------- hand-written packages

MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships'
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
CONTENT_TYPES = XML_DECL + (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
    'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
    'worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
ROOT_RELS = XML_DECL + (
    '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>' % (PKG_REL_NS, REL_NS))


def xlsx_parts(sheet_xml, strings, x='', sheet_part='worksheets/sheet1.xml',
               strings_part='sharedStrings.xml'):
    """The parts of a one-sheet package; x is a prefix ('x:') for the main namespace."""
    decl = 'xmlns%s="%s"' % (':' + x[:-1] if x else '', MAIN_NS)
    sst = ''.join('<%ssi><%st>%s</%st></%ssi>' % (x, x, s, x, x) for s in strings)
    return {
        '[Content_Types].xml': CONTENT_TYPES,
        '_rels/.rels': ROOT_RELS,
        'xl/workbook.xml': XML_DECL + (
            '<%sworkbook %s xmlns:rel="%s"><%ssheets><%ssheet name="Дані" sheetId="1" '
            'rel:id="rId1"/></%ssheets></%sworkbook>' % (x, decl, REL_NS, x, x, x, x)),
        'xl/_rels/workbook.xml.rels': XML_DECL + (
            '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/worksheet" Target="%s"/>'
            '<Relationship Id="rId2" Type="%s/sharedStrings" Target="%s"/></Relationships>'
            % (PKG_REL_NS, REL_NS, sheet_part, REL_NS, strings_part)),
        'xl/worksheets/sheet1.xml': XML_DECL + '<%sworksheet %s>%s</%sworksheet>' % (
            x, decl, sheet_xml.replace('<', '<' + x).replace('<' + x + '/', '</' + x), x),
        'xl/sharedStrings.xml': XML_DECL + '<%ssst %s count="%d" uniqueCount="%d">%s</%ssst>' % (
            x, decl, len(strings), len(strings), sst, x),
    }


def write_zip(path, parts, first=None):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        if first is not None:
            z.writestr(zipfile.ZipInfo(first), parts[first], zipfile.ZIP_STORED)
        for name, data in parts.items():
            if name != first:
                z.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)),
                           data.encode('utf-8') if isinstance(data, str) else data,
                           zipfile.ZIP_DEFLATED)


BASIC_SHEET = ('<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>2019</v></c>'
               '<c r="C1" t="inlineStr"><is><t xml:space="preserve">  відступ</t></is></c></row>'
               '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>-1.5</v></c></row></sheetData>'
               '<mergeCells count="1"><mergeCell ref="A3:B4"/></mergeCells>')
BASIC_STRINGS = ['Регион', 'Їжак і ґанок']
BASIC_CELLS = [(1, 1, 's', 'Регион', None), (1, 2, 'n', 2019, None),
               (1, 3, 's', '  відступ', None), (2, 1, 's', 'Їжак і ґанок', None),
               (2, 2, 'n', -1.5, None)]
BASIC = [('Дані', BASIC_CELLS, [(3, 1, 4, 2)])]
BOM = '\ufeff'


def hand_bom():
    parts = xlsx_parts(BASIC_SHEET, BASIC_STRINGS)
    for name in parts:
        if name.startswith('xl/'):
            parts[name] = BOM + parts[name]
    return parts, BASIC, 'a UTF-8 byte order mark at the start of every xl/ part'


def hand_prefix():
    return (xlsx_parts(BASIC_SHEET, BASIC_STRINGS, x='x:'), BASIC,
            'SpreadsheetML elements with the prefix x: and the relationship attribute as rel:id')


def hand_cdata():
    sheet = ('<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a < b & "c"]]></t>'
             '</is></c><c r="B1" t="inlineStr"><is><t>до <![CDATA[<між>]]> після</t></is></c>'
             '<c r="C1" t="s"><v>0</v></c></row></sheetData>')
    cells = [(1, 1, 's', 'a < b & "c"', None), (1, 2, 's', 'до <між> після', None),
             (1, 3, 's', 'Ґ & Є', None)]
    return (xlsx_parts(sheet, ['<![CDATA[Ґ & Є]]>']), [('Дані', cells, [])],
            'inline and shared strings in CDATA sections')


def hand_novalue():
    sheet = ('<sheetData><row r="1"><c r="A1" t="s"/><c r="B1" t="s"><v>0</v></c><c r="C1" s="0"/>'
             '<c r="D1" t="str"><f>B1</f></c><c r="E1" t="inlineStr"/><c r="F1" t="e"><v>#N/A</v>'
             '</c></row><row r="2"><c r="A2" t="s"></c><c r="B2" t="b"><v>1</v></c></row>'
             '</sheetData>')
    cells = [(1, 2, 's', 'рядок', None), (1, 6, 's', '#N/A', None), (2, 2, 's', 'TRUE', None)]
    return (xlsx_parts(sheet, ['рядок']), [('Дані', cells, [])],
            'shared-string cells without <v>, a formula without a cached value, empty cells')


def hand_case():
    parts = xlsx_parts(BASIC_SHEET, BASIC_STRINGS)
    parts['xl/worksheets/Sheet1.xml'] = parts.pop('xl/worksheets/sheet1.xml')
    parts['xl/SharedStrings.xml'] = parts.pop('xl/sharedStrings.xml')
    return (parts, BASIC, 'ZIP members xl/worksheets/Sheet1.xml and xl/SharedStrings.xml for the '
            'part names /xl/worksheets/sheet1.xml and /xl/sharedStrings.xml (OPC compares part '
            'names without case)')


def hand_backslash():
    parts = xlsx_parts(BASIC_SHEET, BASIC_STRINGS)
    return ({name.replace('/', '\\'): data for name, data in parts.items()}, BASIC,
            'ZIP member names with backslashes (xl\\workbook.xml), as some Windows tools write')


def hand_noref():
    sheet = ('<sheetData><row><c t="inlineStr"><is><t>перший</t></is></c><c><v>2</v></c></row>'
             '<row r="3"><c><v>3</v></c><c r="D3"><v>4</v></c><c><v>5</v></c></row>'
             '<row><c t="s"><v>0</v></c></row></sheetData>')
    cells = [(1, 1, 's', 'перший', None), (1, 2, 'n', 2, None), (3, 1, 'n', 3, None),
             (3, 4, 'n', 4, None), (3, 5, 'n', 5, None), (4, 1, 's', 'Регион', None)]
    return (xlsx_parts(sheet, BASIC_STRINGS), [('Дані', cells, [])],
            'rows and cells without the r attribute (each follows the one before)')


def hand_rich():
    strings = ['<r><t>Звичайний </t></r><r><rPr><b/><sz val="11"/><rFont val="Calibri"/></rPr>'
               '<t>жирний</t></r><r><rPr><i/></rPr><t xml:space="preserve"> і курсив</t></r>',
               '<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/>',
               '<t/>', '<r><t>a</t></r><r><t></t></r><r><t>b</t></r>']
    parts = xlsx_parts('<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v>'
                       '</c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>'
                       '<row r="2"><c r="A2" t="inlineStr"><is><r><t xml:space="preserve">інлайн '
                       '</t></r><r><rPr><b/></rPr><t>жирний</t></r></is></c><c r="B2" '
                       't="inlineStr"><is><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></is></c>'
                       '</row></sheetData>', [])
    sst = ''.join('<si>%s</si>' % si for si in strings)
    parts['xl/sharedStrings.xml'] = (XML_DECL + '<sst xmlns="%s" count="4" uniqueCount="4">%s</sst>'
                                     % (MAIN_NS, sst))
    cells = [(1, 1, 's', 'Звичайний жирний і курсив', None), (1, 2, 's', '東京', None),
             (1, 4, 's', 'ab', None), (2, 1, 's', 'інлайн жирний', None), (2, 2, 's', '漢字', None)]
    return (parts, [('Дані', cells, [])], 'rich runs with run properties, phonetic runs (not '
            'shown), an empty shared string and empty runs, in shared and inline strings')


def hand_far():
    sheet = ('<dimension ref="A1:XFD1048576"/><sheetData><row r="1" spans="1:16384">'
             '<c r="AA1"><v>27</v></c><c r="XFD1" t="inlineStr"><is><t>XFD1</t></is></c></row>'
             '<row r="1048576"><c r="A1048576"><v>1048576</v></c><c r="XFD1048576" t="s"><v>0</v>'
             '</c></row></sheetData>')
    cells = [(1, 27, 'n', 27, None), (1, 16384, 's', 'XFD1', None),
             (1048576, 1, 'n', 1048576, None), (1048576, 16384, 's', 'Регион', None)]
    return (xlsx_parts(sheet, BASIC_STRINGS), [('Дані', cells, [])],
            'cells in the last column (XFD) and the last row (1048576)')


ODS_NS = ('xmlns:office="%s" xmlns:table="%s" xmlns:text="%s"' % (OFFICENS, TABLENS, TEXTNS))
ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet'
ODS_MANIFEST = XML_DECL + (
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="%s"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    '</manifest:manifest>' % ODS_MIME)


def ods_parts(tables, ns=ODS_NS, bom='', office='office:'):
    content = bom + XML_DECL + (
        '<{0}document-content {1} {0}version="1.3"><{0}body><{0}spreadsheet>{2}'
        '</{0}spreadsheet></{0}body></{0}document-content>'.format(office, ns, tables))
    return {'mimetype': ODS_MIME, 'META-INF/manifest.xml': ODS_MANIFEST, 'content.xml': content}


ODS_BASIC = ('<table:table table:name="Дані"><table:table-row><table:table-cell '
             'office:value-type="string"><text:p>Регион</text:p></table:table-cell>'
             '<table:table-cell office:value-type="float" office:value="2019"><text:p>2019</text:p>'
             '</table:table-cell></table:table-row><table:table-row><table:table-cell '
             'office:value-type="string"><text:p><text:s text:c="2"/>Їжак і ґанок</text:p>'
             '</table:table-cell></table:table-row></table:table>')
ODS_BASIC_CELLS = [('Дані', [(1, 1, 's', 'Регион', None), (1, 2, 'n', 2019, '2019'),
                             (2, 1, 's', '  Їжак і ґанок', None)], [])]


def hand_ods_bom():
    return (ods_parts(ODS_BASIC, bom=BOM), ODS_BASIC_CELLS,
            'content.xml beginning with a UTF-8 byte order mark')


def hand_ods_prefix():
    ns = 'xmlns:o="%s" xmlns:t="%s" xmlns:p="%s"' % (OFFICENS, TABLENS, TEXTNS)
    tables = ODS_BASIC.replace('table:', 't:').replace('text:', 'p:').replace('office:', 'o:')
    return (ods_parts(tables, ns=ns, office='o:'), ODS_BASIC_CELLS,
            'the ODF namespaces bound to the prefixes o:, t: and p:')


def hand_ods_cdata():
    tables = ('<table:table table:name="Дані"><table:table-row><table:table-cell '
              'office:value-type="string"><text:p><![CDATA[a < b & "c"]]></text:p>'
              '</table:table-cell></table:table-row></table:table>')
    return (ods_parts(tables), [('Дані', [(1, 1, 's', 'a < b & "c"', None)], [])],
            'a text:p holding a CDATA section')


def hand_ods_repeats():
    cell = '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>'
    num = ('<table:table-cell office:value-type="float" office:value="%s"%s><text:p>%s</text:p>'
           '</table:table-cell>')
    tables = (
        '<table:table table:name="Повтори"><table:table-column table:number-columns-repeated="9"/>'
        '<table:table-header-rows><table:table-row>' + cell % 'заголовок' +
        '<table:table-cell table:number-columns-repeated="2"/>' + cell % 'D1' +
        '</table:table-row></table:table-header-rows>'
        '<table:table-row-group><table:table-row table:number-rows-repeated="2">' +
        num % ('7', ' table:number-columns-repeated="3"', '7,0') +
        '<table:covered-table-cell table:number-columns-repeated="2"/>' + cell % 'E' +
        '</table:table-row></table:table-row-group>'
        '<table:table-row>' +
        '<table:table-cell office:value-type="string" table:number-columns-spanned="2" '
        'table:number-rows-spanned="2"><text:p>злиття</text:p></table:table-cell>'
        '<table:covered-table-cell/><table:table-cell office:value-type="string"><text:p>'
        '<text:span>ба</text:span>гато<text:line-break/><text:a xlink:href="http://example.org/" '
        'xmlns:xlink="http://www.w3.org/1999/xlink">запусків</text:a></text:p><office:annotation>'
        '<text:p>примітка</text:p></office:annotation></table:table-cell></table:table-row>'
        '<table:table-row><table:covered-table-cell table:number-columns-repeated="2"/>' +
        '<table:table-cell office:value-type="percentage" office:value="0.25"><text:p>25%'
        '</text:p></table:table-cell></table:table-row>'
        '<table:table-row table:number-rows-repeated="70000"><table:table-cell '
        'table:number-columns-repeated="16384"/></table:table-row>'
        '<table:table-row><table:table-cell table:number-columns-repeated="8"/>' +
        cell % 'далеко' + '</table:table-row>'
        '<table:table-row table:number-rows-repeated="978497"><table:table-cell '
        'table:number-columns-repeated="16384"/></table:table-row></table:table>')
    cells = ([(1, 1, 's', 'заголовок', None), (1, 4, 's', 'D1', None)]
             + [(r, c, 'n', 7, '7,0') for r in (2, 3) for c in (1, 2, 3)]
             + [(r, 6, 's', 'E', None) for r in (2, 3)]
             + [(4, 1, 's', 'злиття', None), (4, 3, 's', 'багато\nзапусків', None),
                (5, 3, 'n', 0.25, '25%'), (70006, 9, 's', 'далеко', None)])
    return (ods_parts(tables), [('Повтори', cells, [(4, 1, 5, 2)])],
            'rows in header-rows and row groups, repeated rows and cells with values, repeated '
            'covered cells, spans and links in text, an annotation, 70000 empty rows')


def hand_ods_whitespace():
    tables = ('<table:table table:name="Пробіли"><table:table-row><table:table-cell '
              'office:value-type="string"><text:p>a   b</text:p></table:table-cell>'
              '<table:table-cell office:value-type="string"><text:p>рядок\n    два</text:p>'
              '</table:table-cell><table:table-cell office:value-type="string"><text:p>'
              '<text:s text:c="3"/>ліво</text:p></table:table-cell></table:table-row>'
              '</table:table>')
    cells = [(1, 1, 's', 'a b', None), (1, 2, 's', 'рядок два', None), (1, 3, 's', '   ліво', None)]
    return (ods_parts(tables), [('Пробіли', cells, [])],
            'white space in text:p collapsed as ODF 1.3 §6.1.2 says; text:s kept')


HAND = {
    'hand-bom.xlsx': hand_bom, 'hand-prefix.xlsx': hand_prefix, 'hand-cdata.xlsx': hand_cdata,
    'hand-novalue.xlsx': hand_novalue, 'hand-case.xlsx': hand_case,
    'hand-backslash.xlsx': hand_backslash, 'hand-noref.xlsx': hand_noref,
    'hand-rich.xlsx': hand_rich, 'hand-far.xlsx': hand_far,
    'hand-bom.ods': hand_ods_bom, 'hand-prefix.ods': hand_ods_prefix,
    'hand-cdata.ods': hand_ods_cdata, 'hand-repeats.ods': hand_ods_repeats,
    'hand-whitespace.ods': hand_ods_whitespace,
}


def make_hand(dst):
    for name, make in HAND.items():
        parts, sheets, what = make()
        write_zip(os.path.join(dst, name), parts, 'mimetype' if 'mimetype' in parts else None)
        write_reference(os.path.join(dst, name), 'written by hand: ' + what, sheets)


# ---------------------------------------------------------------- main

CSV_DIALECTS = {'cp1251-semicolon.csv': (';', 'cp1251'), 'utf8-bom.csv': (',', 'utf-8-sig'),
                'utf16-tab.csv': ('\t', 'utf-16'), 'utf8-cr.csv': (',', 'utf-8')}


def main():
    dst = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        make_office_files(dst, tmp)
    make_openpyxl(dst)
    make_xlsxwriter(dst)
    make_csv(dst)
    make_hand(dst)
    for name in sorted(os.listdir(dst)):
        path = os.path.join(dst, name)
        ext = os.path.splitext(name)[1]
        if (name.startswith(('hand-', 'xlsxwriter-escapes'))
                or ext not in ('.xls', '.xlsx', '.ods', '.csv')):
            continue
        if ext == '.xls':
            origin, sheets = xls_reference(path)
            if name == 'gnumeric-biff5.xls':
                origin, sheets = whole_continued_labels(origin, sheets)
        elif ext == '.xlsx':
            origin, sheets = xlsx_reference(path)
        elif ext == '.ods':
            origin, sheets = ods_reference(path)
        else:
            origin, sheets = csv_reference(path, *CSV_DIALECTS[name])
        write_reference(path, 'read by ' + origin, sheets)


if __name__ == '__main__':
    main()
