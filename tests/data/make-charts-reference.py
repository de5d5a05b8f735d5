#!/usr/bin/python3
# make-charts-reference.py — leaf orders of SciPy dendrograms for the chart tests
#
#   /usr/bin/python3 tests/data/make-charts-reference.py > tests/data/charts-dendrogram.json
#
# Run from the source root with Debian's python3 (SciPy 1.10.1, NumPy). For a
# few seeded point sets and linkage methods it stores the linkage matrix and
# scipy.cluster.hierarchy.leaves_list (the order dendrogram() draws leaves in),
# which test-charts.c compares exactly with rl_chart_dendrogram_leaf_order().
#
# Copyright 2026 The RegionLab authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json

import numpy as np
from scipy.cluster.hierarchy import dendrogram, leaves_list, linkage

cases = []
for seed, n, method in [(1, 2, "single"), (2, 7, "complete"), (3, 12, "average"),
                        (4, 30, "ward"), (5, 85, "ward")]:
    rng = np.random.default_rng(seed)
    x = np.vstack([rng.normal(c, 1.0, size=(n // 3 + 1, 3)) for c in (0, 4, 8)])[:n]
    z = linkage(x, method=method)
    order = leaves_list(z).tolist()
    assert order == dendrogram(z, no_plot=True)["leaves"]
    cases.append({"name": f"{method}-{n}", "n": n, "linkage": z.tolist(), "leaves": order})

print(json.dumps({"source": "scipy.cluster.hierarchy.linkage and leaves_list, SciPy 1.10.1",
                  "cases": cases}))
