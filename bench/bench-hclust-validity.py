#!/usr/bin/python3
# bench-hclust-validity.py — RegionLab's hierarchical clustering and silhouette
# against SciPy's linkage and scikit-learn's silhouette_score.
#
#   /usr/bin/python3 bench/bench-hclust-validity.py [--n 20000] [--d 10] [--seed 1]
#                                                    [--build build]
#
# Generates seeded blobs into bench/out/ (git-ignored), times the reference
# tools in this process and rl-bench-hclust (built by meson in BUILD/bench)
# on the same data, checks that both give the same value (the sum of merge
# heights, the mean silhouette) and prints the time ratios. The goal is a
# ratio of at most 0.25. Wall times, one run each: the machine is shared.
#
# Copyright 2026 The RegionLab authors
# SPDX-License-Identifier: GPL-3.0-or-later
import argparse
import os
import subprocess
import time

import numpy as np
from scipy.cluster.hierarchy import linkage
from sklearn.metrics import silhouette_score

HERE = os.path.dirname(os.path.abspath(__file__))


def make_data(n, d, seed, out):
    rng = np.random.default_rng(seed)
    centres = rng.normal(0, 4, size=(8, d))
    labels = rng.integers(0, 8, size=n).astype(np.uint32)
    X = centres[labels] + rng.normal(0, 1, size=(n, d))
    xpath, lpath = os.path.join(out, "X.f64"), os.path.join(out, "labels.u32")
    X.astype(np.float64).tofile(xpath)
    labels.tofile(lpath)
    return X, labels, xpath, lpath


def run_ours(driver, args):
    out = subprocess.run([driver] + [str(a) for a in args], check=True,
                         capture_output=True, text=True).stdout.split()
    return float(out[1]), float(out[2])


def timed(f):
    t0 = time.perf_counter()
    value = f()
    return time.perf_counter() - t0, value


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--n", type=int, default=20000)
    p.add_argument("--d", type=int, default=10)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--build", default=os.path.join(HERE, "..", "build"))
    a = p.parse_args()
    out = os.path.join(HERE, "out")
    os.makedirs(out, exist_ok=True)
    driver = os.path.join(a.build, "bench", "rl-bench-hclust")
    X, labels, xpath, lpath = make_data(a.n, a.d, a.seed, out)
    print(f"n = {a.n}, d = {a.d}, seed = {a.seed}")
    print(f"{'task':<12} {'reference s':>12} {'RegionLab s':>12} {'ratio':>7}  agree")
    for method in ("ward", "single", "average"):
        t_ref, Z = timed(lambda: linkage(X, method))
        t_rl, h = run_ours(driver, [method, a.n, a.d, xpath])
        ok = abs(h - Z[:, 2].sum()) <= 1e-9 * abs(h)
        print(f"{method:<12} {t_ref:12.3f} {t_rl:12.3f} {t_rl / t_ref:7.3f}  {ok}")
        del Z
    t_ref, s = timed(lambda: silhouette_score(X, labels))
    t_rl, v = run_ours(driver, ["silhouette", a.n, a.d, xpath, lpath, 8])
    print(f"{'silhouette':<12} {t_ref:12.3f} {t_rl:12.3f} {t_rl / t_ref:7.3f}  "
          f"{abs(s - v) <= 1e-9}")


if __name__ == "__main__":
    main()
