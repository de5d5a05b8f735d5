#!/usr/bin/python3
# make-grouping-reference.py — reference values for tests/core/test-grouping.c
#
# Run once from the top of the source tree with Debian's Python (NumPy):
#   /usr/bin/python3 tests/data/make-grouping-reference.py > tests/data/grouping-reference.json
#
# Copyright 2026 The RegionLab authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Analytic grouping computed independently with NumPy: np.histogram for the
# equal-interval groups ([a, b) except the last bin, which is closed),
# np.digitize for custom breaks, np.var (population variance) for the
# variances. Equal-frequency groups follow the documented rule of
# rl-grouping.h: the lower bound of group j is the sorted value at 0-based
# position floor(j·n/K), groups are [lower_j, lower_j+1), the last one closed.
import json
import math

import numpy as np

# The worked example of the design (30 values).
EXAMPLE = [6, 3.3333, 0.3333, 0.15, 1.2609, 0.875, 0.5789, 2, 2.1419, 0.8182,
           1.1818, 3.75, 0.5556, 0.6923, 2.5, 2.1667, 1.4286, 0.5, 8, 2.3333,
           1.6667, 0.4, 2.6667, 1.6667, 1.2, 0.5, 2, 0.8571, 0.9333, 6]


def clean(v):
    return None if math.isnan(v) else float(v)


def decompose(f, groups, k, lowers, uppers):
    """Per-group n, mean, variance of f and the variance decomposition."""
    f = np.asarray(f, dtype=float)
    rows = []
    within = between = 0.0
    for j in range(k):
        m = f[groups == j]
        mean = float(m.mean()) if len(m) else math.nan
        var = float(m.var()) if len(m) else math.nan
        if len(m):
            within += len(m) * var
            between += len(m) * (mean - f.mean()) ** 2
        rows.append({"lower": clean(lowers[j]), "upper": clean(uppers[j]), "n": int(len(m)),
                     "mean": clean(mean), "variance": clean(var)})
    total = float(f.var())
    within /= len(f)
    between /= len(f)
    eta2 = between / total
    return {"groups": rows, "mean": float(f.mean()), "total_variance": total,
            "within_variance": within, "between_variance": between,
            "eta2": eta2, "eta": math.sqrt(eta2)}


def equal_interval(g, k, f=None):
    g = np.asarray(g, dtype=float)
    counts, edges = np.histogram(g, bins=k)
    groups = np.minimum(np.searchsorted(edges, g, side="right") - 1, k - 1)
    assert list(np.bincount(groups, minlength=k)) == list(counts)
    out = decompose(g if f is None else f, groups, k, edges[:-1], edges[1:])
    out["k"] = k
    out["h"] = float(edges[1] - edges[0])
    return out


def sturges(g, f=None):
    k = int(math.floor(1 + 3.322 * math.log10(len(g))))
    return equal_interval(g, k, f)


def breaks(x, b):
    x = np.asarray(x, dtype=float)
    groups = np.digitize(x, b)
    lowers = [-math.inf] + list(b)
    uppers = list(b) + [math.inf]
    out = decompose(x, groups, len(b) + 1, lowers, uppers)
    for row in out["groups"]:
        row["lower"] = None if math.isinf(row["lower"]) else row["lower"]
        row["upper"] = None if math.isinf(row["upper"]) else row["upper"]
    return out


def equal_frequency(x, k):
    x = np.asarray(x, dtype=float)
    s = np.sort(x)
    lowers = [s[(j * len(x)) // k] for j in range(k)]
    uppers = lowers[1:] + [s[-1]]
    groups = np.searchsorted(np.array(lowers[1:]), x, side="right")
    return decompose(x, groups, k, lowers, uppers)


rng = np.random.default_rng(7)
ties = np.round(rng.gamma(2.0, 2.0, 25))          # small integers with many ties
g = rng.normal(50.0, 10.0, 40)
f = 0.3 * g + rng.normal(0.0, 3.0, 40)
labels = rng.integers(0, 4, 40)
labels[labels == 2] = 3                            # cluster 2 stays empty

print(json.dumps({
    "example": {"values": EXAMPLE, "sturges": sturges(EXAMPLE),
                "breaks": [0.6, 1.0, 1.9, 3.0], "by_breaks": breaks(EXAMPLE, [0.6, 1.0, 1.9, 3.0]),
                "equal_interval_3": equal_interval(EXAMPLE, 3)},
    "ties": {"values": ties.tolist(), "equal_frequency_4": equal_frequency(ties, 4)},
    "by_feature": {"f": f.tolist(), "g": g.tolist(), "sturges": sturges(g, f)},
    "by_labels": {"f": f.tolist(), "labels": labels.tolist(), "k": 4,
                  "result": decompose(f, labels, 4, [math.nan] * 4, [math.nan] * 4)},
}, indent=1))
