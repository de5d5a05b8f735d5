#!/usr/bin/python3
# make-region-labels.py — every distinct region label in the raw Rosstat files
#
# Copyright 2026 The RegionLab authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run from the top of the source tree, once, with Debian's Python (xlrd, openpyxl):
#
#   /usr/bin/python3 tests/data/make-region-labels.py ../shared/data/rosstat \
#       tests/data/region-labels-expected.tsv > tests/data/region-labels.tsv
#
# It reads the region-name column of each of the 22 files (skipping titles,
# header rows, footnotes, the activity column of regional_production, the
# sex/area columns of child_mortality and the OKTMO section rows of the EMISS
# population export) and writes one line per distinct (file, label):
#
#   file <TAB> label <TAB> code <TAB> kind
#
# The label is written exactly as in the file, with "\n", "\t" and "\\" escaped
# so that cells holding line breaks survive in a TSV. The expected code and kind
# come from the hand-checked table given as the second argument (label → code,
# kind); a label missing from that table is written with code "?" so that the
# C test fails until somebody has checked it.

import csv
import os
import re
import sys

import openpyxl
import xlrd


def escape(s):
    return s.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')


def is_label(s):
    """Filters out titles, notes and section rows that sit in a region column."""
    t = s.strip()
    if not t or t.startswith('*') or t.endswith(':'):
        return False  # empty, a footnote ("* здесь и далее …"), a lead-in ("в том числе:")
    if t.startswith(('Раздел ', 'Примечани', 'Источник', 'Муниципальные образования',
                     'Населенные пункты')):
        return False
    return True


# OKATO codes of the regions and districts in population.xlsx (column B): a
# 3-digit district code, a subject (XX000000000) or an okrug inside one
# (XX1..000000). Municipal districts and selsovets of the EMISS export have
# other codes and are not regions.
OKATO_REGION = re.compile(r'^(\d{3}|\d\d(000|1\d\d)000000)$')


def population_labels(path):
    book = openpyxl.load_workbook(path, read_only=True)
    for i, row in enumerate(book['Отчет'].iter_rows(values_only=True)):
        if i < 3 or len(row) < 2 or not isinstance(row[0], str):
            continue
        if OKATO_REGION.match(str(row[1] or '')) and is_label(row[0]):
            yield row[0]


def xls_labels(path, first_row):
    book = xlrd.open_workbook(path)
    sheet = book.sheet_by_name('Данные')
    for r in range(first_row, sheet.nrows):
        v = sheet.cell_value(r, 0)
        if isinstance(v, str) and is_label(v):
            yield v


def xlsx_labels(path, sheets, col, first_row):
    book = openpyxl.load_workbook(path, read_only=True)
    for name in sheets:
        for i, row in enumerate(book[name].iter_rows(values_only=True)):
            if i < first_row or len(row) <= col:
                continue
            v = row[col]
            if isinstance(v, str) and is_label(v):
                yield v


def csv_labels(path, column, delimiter=','):
    with open(path, newline='', encoding='utf-8-sig') as f:
        for row in csv.DictReader(f, delimiter=delimiter):
            v = row[column]
            if v is not None and is_label(v):
                yield v


# file → (reader, arguments): the region column of each file, after its header rows.
FILES = {
    'cash_real_income_wages_2015_2020.xlsx':
        (xlsx_labels, (['per_capita_cash_income', 'real_incomes', 'formal_wage_paid', 'real_pay'],
                       0, 1)),
    'child_count_2020.xlsx': (xlsx_labels, (['Worksheet'], 1, 2)),
    'child_mortality_rural_1990_2021.xls': (xls_labels, (3,)),
    'child_mortality_urban_1990_2021.xls': (xls_labels, (3,)),
    'disabled_total_by_age_2017_2022.csv': (csv_labels, ('region',)),
    'drug_alco.xlsx': (xlsx_labels, (['alco', 'alco1718', 'drugs', 'drug1718'], 0, 1)),
    'gross_regional_product_1996_2020.xls': (xls_labels, (3,)),
    'housing_2020.xlsx': (xlsx_labels, (['housing_cond', 'housing_intent'], 0, 1)),
    'morbidity_2005_2020_age_disease.xls': (xls_labels, (3,)),
    'newborn_2006_2022_monthly.csv': (csv_labels, ('Region', ';')),
    'population.xlsx': (population_labels, ()),
    'poverty_percent_by_regions_1992_2020.csv': (csv_labels, ('region',)),
    'poverty_socdem_2017.xls': (xls_labels, (3,)),
    'poverty_socdem_2018.xls': (xls_labels, (3,)),
    'poverty_socdem_2019.xls': (xls_labels, (3,)),
    'poverty_socdem_2020.xls': (xls_labels, (3,)),
    'regional_production_2005_2016.csv': (csv_labels, ('region',)),
    'regional_production_2017_2020.csv': (csv_labels, ('region',)),
    'regions_geo.csv': (csv_labels, ('region',)),
    'retail_turnover_per_capita_2000_2021.xls': (xls_labels, (4,)),
    'retired_count_2016_2021.xls': (xls_labels, (4,)),
    'welfare_expense_share_2015_2020.xlsx': (xlsx_labels, (['data'], 0, 1)),
}


def read_expected(path):
    expected = {}
    if path and os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            for line in f:
                if line.startswith('#') or not line.strip():
                    continue
                label, code, kind = line.rstrip('\n').split('\t')
                expected[label] = (code, kind)
    return expected


def main():
    folder = sys.argv[1]
    expected = read_expected(sys.argv[2] if len(sys.argv) > 2 else None)
    out = sys.stdout
    out.write('# file\tlabel\tcode\tkind\n')
    for name, (reader, args) in FILES.items():
        seen = set()
        for label in reader(os.path.join(folder, name), *args):
            if label in seen:
                continue
            seen.add(label)
            code, kind = expected.get(escape(label), ('?', '?'))
            out.write('%s\t%s\t%s\t%s\n' % (name, escape(label), code, kind))


if __name__ == '__main__':
    main()
