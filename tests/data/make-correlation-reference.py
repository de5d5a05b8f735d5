#!/usr/bin/python3
# make-correlation-reference.py — reference values for tests/core/test-correlation.c
#
# Run once from the top of the source tree with Debian's Python (SciPy 1.10.1, NumPy):
#   /usr/bin/python3 tests/data/make-correlation-reference.py > tests/data/correlation-reference.json
#
# Copyright 2026 The RegionLab authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Pearson and Spearman r with two-sided p-values by scipy.stats.pearsonr and
# scipy.stats.spearmanr for every pair of distinct columns, each pair on the rows
# where both values are present (pairwise-complete).
import json
import math

import numpy as np
from scipy import stats

rng = np.random.default_rng(20260101)
n = 40
a = rng.normal(10.0, 3.0, n)
b = a + rng.normal(0.0, 0.05, n)          # nearly collinear: p-values near 1e-50
c = np.round(rng.normal(0.0, 2.0, n))     # many ties
d = -0.5 * a + rng.normal(0.0, 4.0, n)
d[[3, 7, 8, 21]] = np.nan                 # missing values
e = rng.uniform(0.0, 1.0, n)
e[[0, 7, 30]] = np.nan
X = np.column_stack([a, b, c, d, e])


def clean(v):
    return None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)


def pairs(fn):
    out = []
    for i in range(X.shape[1]):
        for j in range(i + 1, X.shape[1]):
            ok = ~np.isnan(X[:, i]) & ~np.isnan(X[:, j])
            res = fn(X[ok, i], X[ok, j])
            out.append({"i": i, "j": j, "n": int(ok.sum()),
                        "r": clean(float(res[0])), "p": clean(float(res[1]))})
    return out


print(json.dumps({
    "data": [[clean(float(v)) for v in row] for row in X],
    "pearson": pairs(stats.pearsonr),
    "spearman": pairs(stats.spearmanr),
}, indent=1))
