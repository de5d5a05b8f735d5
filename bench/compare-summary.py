#!/usr/bin/env python3
# Summarises `regionlab-cli compare --json [--history]` output: f_min/empty@settled per
# method and k, then the growth ratios. "settled" is the first iteration after which the
# best f stays within 0.1 % of its final value.
#
# Copyright 2026 The RegionLab authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import sys

d = json.load(sys.stdin)
by = {}
for r in d['rows']:
    by.setdefault(r['method'], {})[r['k']] = r
ks = range(d['k_min'], d['k_max'] + 1)
print('%-14s' % 'f_min/empty' + ''.join(' k=%-13d' % k for k in ks))
for m, rows in by.items():
    cells = []
    for k in ks:
        r = rows[k]
        cell = '%.3f/%d' % (r['f_min'], r['empty'])
        h = r.get('history')
        if h:
            f = h[-1]
            settled = next(i for i in range(len(h)) if all(abs(x - f) <= 1e-3 * f for x in h[i:])) + 1
            cell += '@%d' % settled
        cells.append('%-15s' % cell)
    print('%-14s ' % m + ' '.join(cells))
print('%-14s' % 'growth ratio' + ''.join(' k=%-5d' % k for k in ks))
for m, rows in by.items():
    g = [rows[k]['growth_ratio'] for k in ks]
    print('%-14s ' % m + ' '.join('%7s' % ('-' if x is None else '%.3f' % x) for x in g))
