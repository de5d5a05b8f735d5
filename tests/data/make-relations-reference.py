#!/usr/bin/python3
# make-relations-reference.py — reference values for tests/core/test-relations.c
#
# Run once from the top of the source tree with Debian's Python (SciPy 1.10.1, NumPy):
#   /usr/bin/python3 tests/data/make-relations-reference.py > tests/data/relations-reference.json
#
# Copyright 2026 The RegionLab authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# For the target column against every other column, on the rows where both are
# present: scipy.stats.pearsonr, scipy.stats.spearmanr, and the correlation
# ratio η of the target over the Sturges groups of the factor (np.histogram
# with k = floor(1 + 3.322·lg n) equal bins; population variances). Rows are
# listed in the documented order: |r| descending, then |ρ|, then η.
import json
import math

import numpy as np
from scipy import stats

NAMES = ["poverty_percent", "income", "production", "consumption", "noise", "constant"]


def clean(v):
    return None if math.isnan(v) else float(v)


def eta(target, factor):
    k = int(math.floor(1 + 3.322 * math.log10(len(factor))))
    _, edges = np.histogram(factor, bins=k)
    groups = np.minimum(np.searchsorted(edges, factor, side="right") - 1, k - 1)
    between = sum(np.sum(groups == j) * (target[groups == j].mean() - target.mean()) ** 2
                  for j in range(k) if np.any(groups == j)) / len(target)
    return math.sqrt(between / target.var())


def relate(X, t=0):
    rows = []
    for j in range(X.shape[1]):
        if j == t:
            continue
        ok = ~np.isnan(X[:, t]) & ~np.isnan(X[:, j])
        y, x = X[ok, t], X[ok, j]
        r, rp = stats.pearsonr(y, x) if np.ptp(x) > 0 else (math.nan, math.nan)
        s, sp = stats.spearmanr(y, x) if np.ptp(x) > 0 else (math.nan, math.nan)
        rows.append({"feature": NAMES[j], "n": int(ok.sum()), "pearson": clean(r),
                     "pearson_p": clean(rp), "spearman": clean(s), "spearman_p": clean(sp),
                     "eta": eta(y, x)})
    key = lambda v: -1.0 if v is None else abs(v)
    rows.sort(key=lambda row: (-key(row["pearson"]), -key(row["spearman"]), -row["eta"]))
    return rows


def year(rng, n):
    income = rng.lognormal(3.0, 0.4, n)
    production = rng.normal(100.0, 20.0, n)
    poverty = 40.0 - 0.5 * income + 0.05 * production + rng.normal(0.0, 2.0, n)
    consumption = np.round(0.6 * income + rng.normal(0.0, 3.0, n))
    noise = rng.normal(0.0, 1.0, n)
    noise[[2, 5]] = np.nan
    poverty[7] = np.nan
    return np.column_stack([poverty, income, production, consumption, noise, np.full(n, 3.0)])


rng = np.random.default_rng(11)
single = year(rng, 50)
y1, y2 = year(rng, 30), year(rng, 30)


def matrix(X):
    return [[clean(v) for v in row] for row in X]


print(json.dumps({
    "names": NAMES, "target": NAMES[0],
    "single": {"data": matrix(single), "rows": relate(single)},
    "pooled": {"years": [matrix(y1), matrix(y2)], "rows": relate(np.vstack([y1, y2]))},
}, indent=1))
