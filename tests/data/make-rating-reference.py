#!/usr/bin/python3
# make-rating-reference.py — reference values for tests/core/test-rating.c
#
# Run from the top of the source tree:
#   /usr/bin/python3 tests/data/make-rating-reference.py > tests/data/rating-reference.json
# It also writes the same data as a wide CSV, tests/data/rating-wide.csv, for
# tests/cli/test-rate.sh.
#
# Composite need ratings computed independently with NumPy and SciPy:
# z-scores with the population standard deviation (numpy.std, ddof=0), min-max
# to [0, 1], and average ranks (scipy.stats.rankdata, method="average") scaled
# by (r − 1) / (n − 1); weights equal, user-set (divided by their sum) or
# PCA-based (squared first eigenvector of numpy.corrcoef, via numpy.linalg.eigh);
# score = Σ w_j · polarity_j · normalised x_ij; rank 1 = highest score, ties
# by row (a stable sort).
#
# Copyright 2026 The RegionLab authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json

import numpy as np
from scipy.stats import rankdata

rng = np.random.default_rng(20260611)
n, d = 17, 5
X = np.column_stack([
    rng.normal(15, 5, n),         # poverty rate, %
    rng.lognormal(10, 0.4, n),    # income
    rng.normal(4, 1.5, n),        # social spending share
    rng.lognormal(12, 0.8, n),    # production
    np.round(rng.normal(7, 2, n)),  # infant mortality, rounded: ties
])
X[:, 1] += 0.3 * (X[:, 3] - X[:, 3].mean()) / X[:, 3].std() * X[:, 1].std()
polarity = np.array([1, -1, 1, -1, 1])
user = np.array([3.0, 2.0, 1.0, 1.0, 0.5])


def normalise(x, method):
    if x.max() == x.min():
        return np.zeros_like(x)
    if method == "z":
        return (x - x.mean()) / x.std()
    if method == "minmax":
        return (x - x.min()) / (x.max() - x.min())
    return (rankdata(x, method="average") - 1) / (len(x) - 1)


def pca_weights(X):
    eigval, eigvec = np.linalg.eigh(np.corrcoef(X, rowvar=False))
    v = eigvec[:, np.argmax(eigval)]
    return v * v


def rating(X, method, w):
    N = np.column_stack([normalise(X[:, j], method) for j in range(X.shape[1])])
    score = N @ (w * polarity)
    order = np.argsort(-score, kind="stable")
    rank = np.empty(len(score), dtype=int)
    rank[order] = np.arange(1, len(score) + 1)
    return {"score": score.tolist(), "rank": rank.tolist(), "normalized": N.tolist()}


weights = {
    "equal": np.full(d, 1.0 / d),
    "user": user / user.sum(),
    "pca": pca_weights(X),
}
cases = []
for method in ("z", "minmax", "rank"):
    for name, w in weights.items():
        case = {"normalize": method, "weighting": name, "weights": w.tolist()}
        case.update(rating(X, method, w))
        cases.append(case)

names = ["poverty", "income", "social", "production", "infant"]
with open("tests/data/rating-wide.csv", "w") as f:
    f.write("region," + ",".join(names) + "\n")
    for i in range(n):
        f.write("Region %02d," % (i + 1) + ",".join(repr(float(v)) for v in X[i]) + "\n")

print(json.dumps({"data": X.tolist(), "polarity": polarity.tolist(), "user_weights": user.tolist(),
                  "cases": cases}, indent=1))
