#!/usr/bin/python3
# make-gmm-reference.py — scikit-learn Gaussian mixture fits for the GMM tests
#
# Run once from the top of the source tree, after make-kmeans-reference.py
# (which writes the data sets), with Debian 12's python3 (scikit-learn 1.2.1):
#
#   /usr/bin/python3 tests/data/make-gmm-reference.py
#
# Writes tests/data/gmm-reference.json: for several data sets, covariance
# types and k, the BIC, AIC and total log-likelihood of
# sklearn.mixture.GaussianMixture(n_components=k, covariance_type=t,
# random_state=0) with its other settings at their defaults (n_init=1,
# init_params='kmeans', tol=1e-3, reg_covar=1e-6, max_iter=100), and, for
# the 85×6 set with k=3, the fitted weights, means and covariances (expanded
# to full matrices) with the total log-likelihood they give.
#
# Copyright 2026 The RegionLab authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os

import numpy as np
import sklearn
from sklearn.mixture import GaussianMixture

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = ["full", "tied", "diag", "spherical"]


def load(name):
    return np.loadtxt(os.path.join(HERE, name), delimiter=",", ndmin=2)


def full_covariances(gm, k, d):
    t = gm.covariance_type
    if t == "full":
        return gm.covariances_
    if t == "tied":
        return np.repeat(gm.covariances_[None, :, :], k, axis=0)
    if t == "diag":
        return np.array([np.diag(v) for v in gm.covariances_])
    return np.array([v * np.eye(d) for v in gm.covariances_])


def main():
    sets = {
        "clust-blobs-150x4.csv": [1, 2, 3, 4],
        "clust-regions-85x6.csv": [2, 3, 4, 5],
        "clust-wide-85x20.csv": [2, 3],
    }
    cases, models = [], []
    for name, ks in sets.items():
        X = load(name)
        n, d = X.shape
        for t in TYPES:
            for k in ks:
                gm = GaussianMixture(n_components=k, covariance_type=t, random_state=0).fit(X)
                cases.append({
                    "file": name, "k": k, "covariance": t,
                    "bic": float(gm.bic(X)), "aic": float(gm.aic(X)),
                    "log_likelihood": float(gm.score(X) * n),
                    "converged": bool(gm.converged_), "n_iter": int(gm.n_iter_),
                })
                if name == "clust-regions-85x6.csv" and k == 3:
                    models.append({
                        "file": name, "k": k, "covariance": t,
                        "weights": gm.weights_.tolist(),
                        "means": gm.means_.tolist(),
                        "covariances": full_covariances(gm, k, d).tolist(),
                        "log_likelihood": float(np.sum(gm.score_samples(X))),
                    })
    out = {
        "generator": "sklearn.mixture.GaussianMixture(n_components=k, covariance_type=t, "
                     "random_state=0)",
        "sklearn_version": sklearn.__version__,
        "cases": cases,
        "models": models,
    }
    with open(os.path.join(HERE, "gmm-reference.json"), "w") as f:
        json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
