#!/usr/bin/python3
# bench-kmeans-gmm.py — RegionLab's k-means and Gaussian mixtures against scikit-learn
#
#   /usr/bin/python3 bench/bench-kmeans-gmm.py [BUILD_DIR]      (default: build)
#
# Generates seeded synthetic data (8 Gaussian blobs in 10 dimensions), writes
# it to bench/out/ as raw doubles, times scikit-learn in this process and
# BUILD_DIR/bench/rl-bench on the same file, and prints the time ratios
# (RegionLab / scikit-learn; below 1 means RegionLab is faster) with the
# quality reached (inertia, BIC: lower is better). Each side runs REPEAT
# times and its fastest run counts, which damps the noise of a shared
# machine; the numbers stay indicative.
#
# Copyright 2026 The RegionLab authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import subprocess
import sys
import time

import numpy as np
from sklearn.cluster import KMeans
from sklearn.mixture import GaussianMixture

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")
D, K = 10, 8
REPEAT = 3

CASES = [
    # (rl-bench benchmark, rows, n_init, scikit-learn estimator factory)
    ("kmeans", 100_000, 10, lambda: KMeans(n_clusters=K, n_init=10, random_state=0)),
    ("kmeans", 1_000_000, 10, lambda: KMeans(n_clusters=K, n_init=10, random_state=0)),
    ("gmm-full", 100_000, 1,
     lambda: GaussianMixture(n_components=K, covariance_type="full", random_state=0)),
    ("gmm-diag", 100_000, 1,
     lambda: GaussianMixture(n_components=K, covariance_type="diag", random_state=0)),
]


def make_data(n, seed=7):
    path = os.path.join(OUT, f"blobs-{n}x{D}-seed{seed}.f64")
    rng = np.random.default_rng(seed)
    centres = rng.normal(0.0, 4.0, size=(K, D))
    X = centres[rng.integers(0, K, size=n)] + rng.normal(0.0, 1.0, size=(n, D))
    X = np.ascontiguousarray(X, dtype="<f8")
    if not os.path.exists(path):
        X.tofile(path)
    return X, path


def score_sklearn(est, X):
    if isinstance(est, KMeans):
        return est.inertia_
    return est.bic(X)


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build")
    driver = os.path.join(build, "bench", "rl-bench")
    os.makedirs(OUT, exist_ok=True)
    print(f"{'benchmark':<10} {'n':>9} {'sklearn s':>10} {'RegionLab s':>12} {'ratio':>7}"
          f" {'sklearn score':>15} {'RegionLab score':>16}")
    for name, n, n_init, factory in CASES:
        X, path = make_data(n)
        t_sk, t_rl = float("inf"), float("inf")
        for _ in range(REPEAT):
            t0 = time.perf_counter()
            est = factory().fit(X)
            t_sk = min(t_sk, time.perf_counter() - t0)
            out = subprocess.run([driver, name, path, "--cols", str(D), "--k", str(K),
                                  "--n-init", str(n_init), "--seed", "0"],
                                 check=True, capture_output=True, text=True).stdout
            res = json.loads(out)
            t_rl = min(t_rl, res["seconds"])
        score = res.get("inertia", res.get("bic"))
        print(f"{name:<10} {n:>9} {t_sk:>10.3f} {t_rl:>12.3f}"
              f" {t_rl / t_sk:>7.3f} {score_sklearn(est, X):>15.6g} {score:>16.6g}")


if __name__ == "__main__":
    main()
