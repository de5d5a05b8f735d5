#!/usr/bin/python3
# make-hclust-pca-validity-reference.py — reference values for test-hclust,
# test-pca and test-validity, computed once with SciPy 1.10.1 and
# scikit-learn 1.2.1 (Debian 12) and stored next to this script.
#
#   cd tests/data && /usr/bin/python3 make-hclust-pca-validity-reference.py
#
# fcluster(Z, k, "maxclust") may give fewer than k clusters (its search for
# a threshold skips the lowest merge and stops at ties); cut_tree gives k.
#
# Writes hclust-reference.json, pca-reference.json, validity-reference.json.
# Copyright 2026 The RegionLab authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json

import numpy as np
import scipy
import sklearn
from scipy.cluster.hierarchy import cut_tree, fcluster, leaves_list, linkage
from scipy.spatial.distance import cdist
from sklearn.decomposition import PCA
from sklearn.metrics import (calinski_harabasz_score, davies_bouldin_score,
                             silhouette_samples, silhouette_score)

rng = np.random.default_rng(20260101)
VERSIONS = {"scipy": scipy.__version__, "sklearn": sklearn.__version__,
            "numpy": np.__version__}


def blobs(n, d, centres, spread):
    c = rng.normal(0, centres, size=(3, d))
    lab = rng.integers(0, 3, size=n)
    return c[lab] + rng.normal(0, spread, size=(n, d))


def hclust_sets():
    ties = rng.integers(0, 4, size=(40, 2)).astype(float)   # a grid: ties, duplicate rows
    ties[5] = ties[4]
    sets = {
        "blobs": blobs(60, 4, 5.0, 1.0),
        "ties": ties,
        "line4": np.array([[0.0], [1.0], [3.0], [7.0]]),
        "two": np.array([[1.0, 2.0], [4.0, 6.0]]),
        "dups": np.array([[1.0, 1.0]] * 4 + [[2.0, 1.0]] * 2),
    }
    out = {}
    for name, X in sets.items():
        entry = {"X": X.tolist(), "methods": {}}
        for method in ("single", "complete", "average", "ward"):
            Z = linkage(X, method)
            k = min(3, len(X))
            entry["methods"][method] = {
                "linkage": Z.tolist(),
                "k": k,
                "fcluster": fcluster(Z, k, "maxclust").tolist(),
                "cut_tree": cut_tree(Z, n_clusters=k)[:, 0].tolist(),
                "leaves": leaves_list(Z).tolist(),
            }
        out[name] = entry
    return out


def pca_sets():
    A = rng.normal(size=(50, 5)) @ rng.normal(size=(5, 5))
    const = rng.normal(size=(20, 4))
    const[:, 2] = 7.5
    sets = {"tall": A, "wide": rng.normal(size=(6, 10)), "const": const}
    out = {}
    for name, X in sets.items():
        pca = PCA(svd_solver="full")
        scores = pca.fit_transform(X)
        out[name] = {
            "X": X.tolist(),
            "components": pca.components_.T.tolist(),      # d × m, as RlPca stores them
            "explained_variance": pca.explained_variance_.tolist(),
            "explained_variance_ratio": pca.explained_variance_ratio_.tolist(),
            "singular_values": pca.singular_values_.tolist(),
            "mean": pca.mean_.tolist(),
            "scores": scores.tolist(),
        }
    return out


def validity_entry(X, labels, exact):
    # With duplicate rows scikit-learn's Euclidean distances (|x|² + |y|² − 2 x·y)
    # are off by ~1e-8 around 0, so there the silhouette comes from exact
    # distances through metric="precomputed" (the same formula otherwise).
    if exact:
        D = cdist(X, X)
        sil, samples = (silhouette_score(D, labels, metric="precomputed"),
                        silhouette_samples(D, labels, metric="precomputed"))
    else:
        sil, samples = silhouette_score(X, labels), silhouette_samples(X, labels)
    return {"X": X.tolist(), "labels": labels.tolist(), "k": int(labels.max()) + 1,
            "silhouette": float(sil), "silhouette_samples": samples.tolist(),
            "calinski_harabasz": float(calinski_harabasz_score(X, labels)),
            "davies_bouldin": float(davies_bouldin_score(X, labels))}


def validity_sets():
    X = blobs(200, 5, 4.0, 1.0)
    labels = (np.argsort(np.argsort(X[:, 0])) * 4 // len(X)).astype(int)  # quartiles of column 0
    labels[17] = 4                                                    # a singleton cluster
    dup = np.array([[0.0, 0.0], [0.0, 0.0], [0.0, 0.0], [3.0, 4.0], [3.0, 4.0], [6.0, 8.0]])
    dup_labels = np.array([0, 0, 1, 1, 2, 2])
    big = blobs(1500, 3, 3.0, 1.0)
    big_labels = rng.integers(0, 6, size=len(big))
    return {"quartiles": validity_entry(X, labels, False),
            "duplicates": validity_entry(dup, dup_labels, True),
            "big": validity_entry(big, big_labels, False)}


def dump(name, obj):
    obj["versions"] = VERSIONS
    with open(name, "w") as f:
        json.dump(obj, f)
        f.write("\n")


dump("hclust-reference.json", hclust_sets())
dump("pca-reference.json", pca_sets())
dump("validity-reference.json", validity_sets())
