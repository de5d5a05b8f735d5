#!/usr/bin/python3
# make-kmeans-reference.py — test data sets and scikit-learn k-means inertias
#
# Run once from the top of the source tree (Debian 12's python3 with
# scikit-learn 1.2.1, numpy):
#
#   /usr/bin/python3 tests/data/make-kmeans-reference.py
#
# Writes the synthetic data sets tests/data/clust-*.csv (no header, one row
# per line) and tests/data/kmeans-reference.json with the inertia of
# sklearn.cluster.KMeans(init='k-means++', n_init=10, random_state=0) for
# several k on each set.
#
# Copyright 2026 The RegionLab authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs

HERE = os.path.dirname(os.path.abspath(__file__))


def save(name, X):
    np.savetxt(os.path.join(HERE, name), X, delimiter=",", fmt="%.17g")
    return name


def datasets():
    rng = np.random.default_rng(2026)
    sets = {}
    # Iris-like: three blobs of 50 rows in 4 dimensions, unequal spreads.
    X, _ = make_blobs(n_samples=150, n_features=4, centers=3,
                      cluster_std=[1.0, 1.5, 0.8], random_state=0)
    sets["clust-blobs-150x4.csv"] = X
    # Region-like: 85 rows, 6 skewed indicators from 4 groups, z-scored.
    centres = rng.normal(0.0, 1.0, size=(4, 6))
    g = rng.integers(0, 4, size=85)
    X = np.exp(0.6 * (centres[g] + rng.normal(0.0, 0.5, size=(85, 6))))
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    sets["clust-regions-85x6.csv"] = X
    # Duplicates: 15 distinct points around three centres, each repeated 4 times.
    P, _ = make_blobs(n_samples=15, n_features=3, centers=3, random_state=1)
    sets["clust-dups-60x3.csv"] = np.repeat(P, 4, axis=0)
    # Wide and nearly singular: 85 rows × 20 columns, rank 8, one constant column.
    B = rng.normal(size=(85, 8)) + 3.0 * rng.integers(0, 3, size=(85, 1))
    X = B @ rng.normal(size=(8, 20)) + 1e-3 * rng.normal(size=(85, 20))
    X[:, 7] = 1.5
    sets["clust-wide-85x20.csv"] = X
    return sets


def main():
    sets = datasets()
    ks = {
        "clust-blobs-150x4.csv": [1, 2, 3, 4, 5, 8],
        "clust-regions-85x6.csv": [2, 3, 4, 5, 6, 8, 10],
        "clust-dups-60x3.csv": [2, 3, 5, 15],
        "clust-wide-85x20.csv": [2, 3, 5],
    }
    cases = []
    for name, X in sets.items():
        save(name, X)
        for k in ks[name]:
            km = KMeans(n_clusters=k, init="k-means++", n_init=10, random_state=0).fit(X)
            cases.append({"file": name, "k": k, "inertia": float(km.inertia_)})
    out = {
        "generator": "sklearn.cluster.KMeans(init='k-means++', n_init=10, random_state=0)",
        "sklearn_version": sklearn.__version__,
        "cases": cases,
    }
    with open(os.path.join(HERE, "kmeans-reference.json"), "w") as f:
        json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
