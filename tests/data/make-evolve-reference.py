#!/usr/bin/python3
# make-evolve-reference.py — reference values for tests/core/test-evolve.c
#
# Copyright 2026 The RegionLab authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run from the source root, once, with Debian's Python (scikit-learn 1.2.1, numpy):
#   /usr/bin/python3 tests/data/make-evolve-reference.py > tests/data/evolve-reference.csv
#
# Input: tests/data/paper-auxiliary-seed1.csv, the paper's auxiliary set written by
#   build/bench/rl-bench-evolve synth 1 tests/data/paper-auxiliary-seed1.csv
# Every column is min-max scaled to [-10, 10]. For k = 2 .. 9 the script writes
#   k, the inertia and f_k of the best of 100 scikit-learn k-means runs (k-means++), and
#   fixed_f, fixed_empty: f_k and the number of empty clusters when the centres are the
#   scaled rows 0, 50, 100, … (every 50th row; rows past the end wrap to row 7·i), each
#   point belonging to its nearest centre.
import csv
import sys

import numpy as np
from sklearn.cluster import KMeans


def f_k(X, labels, centres):
    f, empty = 0.0, 0
    for p in range(len(centres)):
        members = X[labels == p]
        if len(members) == 0:
            empty += 1
        else:
            f += np.linalg.norm(members - centres[p], axis=1).mean()
    return f, empty


def main():
    with open("tests/data/paper-auxiliary-seed1.csv") as fh:
        rows = list(csv.reader(fh))[1:]
    X = np.array([[float(v) for v in r[1:]] for r in rows])
    lo, hi = X.min(axis=0), X.max(axis=0)
    X = -10 + 20 * (X - lo) / (hi - lo)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["k", "kmeans_inertia", "kmeans_f_k", "fixed_f", "fixed_empty"])
    for k in range(2, 10):
        km = KMeans(n_clusters=k, n_init=100, random_state=0).fit(X)
        f, _ = f_k(X, km.labels_, km.cluster_centers_)
        idx = [(50 * i) if 50 * i < len(X) else 7 * i for i in range(k)]
        C = X[idx]
        labels = np.argmin(((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2), axis=1)
        ff, fe = f_k(X, labels, C)
        out.writerow([k, repr(km.inertia_), repr(f), repr(ff), fe])


main()
