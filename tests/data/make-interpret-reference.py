#!/usr/bin/python3
# make-interpret-reference.py — reference values for tests/core/test-interpret.c
#
# Run once from the top of the source tree with Debian's Python (scikit-learn 1.2.1, NumPy):
#   /usr/bin/python3 tests/data/make-interpret-reference.py > tests/data/interpret-reference.json
#
# Copyright 2026 The RegionLab authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Cluster profiles by NumPy (nanmean, nanmedian, population variances for η on
# the cluster labels, rows with NaN left out per column), the need order by
# mean need score (highest first), and sklearn.metrics.adjusted_rand_score for
# pairs of labelings.
import json
import math

import numpy as np
from sklearn.metrics import adjusted_rand_score

rng = np.random.default_rng(5)
n, k = 30, 4
labels = rng.integers(0, 3, n)                    # cluster 3 stays empty
X = np.column_stack([rng.normal(10, 2, n) + 3 * labels,
                     rng.lognormal(2, 0.5, n),
                     np.round(rng.uniform(0, 5, n))])
X[4, 1] = np.nan
need = rng.normal(0, 1, n) + labels


def clean(v):
    return None if math.isnan(v) else float(v)


def eta(f, lab):
    ok = ~np.isnan(f)
    f, lab = f[ok], lab[ok]
    between = sum(np.sum(lab == c) * (f[lab == c].mean() - f.mean()) ** 2
                  for c in range(k) if np.any(lab == c)) / len(f)
    return math.sqrt(between / f.var())


def per_cluster(fn):
    return [[clean(fn(X[labels == c, j])) if np.any(labels == c) else None
             for j in range(X.shape[1])] for c in range(k)]


def nanfn(fn):
    return lambda v: fn(v) if np.any(~np.isnan(v)) else math.nan


cluster_need = [float(need[labels == c].mean()) if np.any(labels == c) else None
                for c in range(k)]
order = sorted(range(k), key=lambda c: (cluster_need[c] is None, -(cluster_need[c] or 0), c))

a = rng.integers(0, 5, 100)
b = np.where(rng.uniform(size=100) < 0.7, a, rng.integers(0, 5, 100))
perm = np.array([3, 0, 4, 1, 2])[a]
ari_cases = [
    ("random", a.tolist(), b.tolist()),
    ("permuted", a.tolist(), perm.tolist()),
    ("unrelated", a.tolist(), rng.integers(0, 3, 100).tolist()),
    ("one-vs-all", [0] * 10, list(range(10))),
    ("small", [0, 0, 1, 1, 2], [0, 0, 1, 2, 2]),
    ("large-labels", [7, 7, 100, 100], [1, 1, 1, 0]),
]

print(json.dumps({
    "data": [[clean(v) for v in row] for row in X], "labels": labels.tolist(), "k": k,
    "need": need.tolist(),
    "sizes": [int(np.sum(labels == c)) for c in range(k)],
    "means": per_cluster(nanfn(np.nanmean)), "medians": per_cluster(nanfn(np.nanmedian)),
    "eta": [eta(X[:, j], labels) for j in range(X.shape[1])],
    "cluster_need": cluster_need, "order": order,
    "ari": [{"name": name, "a": x, "b": y, "ari": float(adjusted_rand_score(x, y))}
            for name, x, y in ari_cases],
}, indent=1))
