#!/usr/bin/python3
# make-tracking-reference.py — reference values for tests/core/test-tracking.c
#
# Run from the top of the source tree:
#   /usr/bin/python3 tests/data/make-tracking-reference.py > tests/data/tracking-reference.json
#
# Minimum-cost assignments computed independently with
# scipy.optimize.linear_sum_assignment on random square and rectangular cost
# matrices (some with integer costs, hence ties): the optimal total cost is
# unique even when the assignment is not.
#
# Copyright 2026 The RegionLab authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json

import numpy as np
from scipy.optimize import linear_sum_assignment

rng = np.random.default_rng(2026)
cases = []
for shape, integer in [((1, 1), False), ((3, 3), False), ((5, 5), True), ((4, 7), False),
                       ((7, 4), False), ((9, 9), False), ((12, 12), True), ((6, 10), True),
                       ((20, 20), False)]:
    cost = rng.uniform(-5, 10, shape)
    if integer:
        cost = np.round(cost / 3)
    rows, cols = linear_sum_assignment(cost)
    cases.append({"cost": cost.tolist(), "total": float(cost[rows, cols].sum()),
                  "rows": rows.tolist(), "cols": cols.tolist()})
print(json.dumps({"cases": cases}, indent=1))
