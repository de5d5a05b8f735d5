#!/usr/bin/python3
# perf-compare.py — two builds of RegionLab against the reference tools, in rounds
#
#   /usr/bin/python3 bench/perf-compare.py BEFORE_BUILD AFTER_BUILD [--rounds 3]
#                                          [--tasks gmm-diag,ward,silhouette]
#
# For a shared, loaded machine: each round times the reference (scikit-learn
# or SciPy) once and both builds once each on the same data, back to back,
# so all three see about the same load; the medians over the rounds and the
# ratios of the medians are printed, with the load average before and after.
# The data and the timed calls are those of bench-kmeans-gmm.py (GMM,
# 100 000 × 10, k = 8) and bench-hclust-validity.py (20 000 × 10, seed 1).
#
# Copyright 2026 The RegionLab authors
# SPDX-License-Identifier: GPL-3.0-or-later
import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name):
    spec = importlib.util.spec_from_file_location(name.replace("-", "_"),
                                                  os.path.join(HERE, name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gmm_task(kind):
    bench = load("bench-kmeans-gmm")
    from sklearn.mixture import GaussianMixture
    X, path = bench.make_data(100_000)

    def ref():
        GaussianMixture(n_components=8, covariance_type=kind, random_state=0).fit(X)

    def ours(build):
        out = subprocess.run([os.path.join(build, "bench", "rl-bench"), "gmm-" + kind, path,
                              "--cols", "10", "--k", "8", "--n-init", "1", "--seed", "0"],
                             check=True, capture_output=True, text=True).stdout
        return json.loads(out)["seconds"]
    return ref, ours


def hclust_task(method, data):
    from scipy.cluster.hierarchy import linkage
    from sklearn.metrics import silhouette_score
    X, labels, xpath, lpath = data
    n, d = X.shape

    def ref():
        if method == "silhouette":
            silhouette_score(X, labels)
        else:
            linkage(X, method)

    def ours(build):
        args = [os.path.join(build, "bench", "rl-bench-hclust"), method, str(n), str(d), xpath]
        if method == "silhouette":
            args += [lpath, "8"]
        out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
        return float(out.split()[1])
    return ref, ours


def main():
    p = argparse.ArgumentParser()
    p.add_argument("before")
    p.add_argument("after")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--tasks", default="gmm-diag,ward,silhouette")
    a = p.parse_args()
    out = os.path.join(HERE, "out")
    os.makedirs(out, exist_ok=True)
    data = load("bench-hclust-validity").make_data(20000, 10, 1, out)
    print(f"load average before: {os.getloadavg()[0]:.1f} {os.getloadavg()[1]:.1f} "
          f"{os.getloadavg()[2]:.1f} on {os.cpu_count()} CPUs", flush=True)
    print(f"{'task':<12} {'reference s':>12} {'before s':>9} {'after s':>9} "
          f"{'ratio before':>13} {'ratio after':>12}", flush=True)
    for task in a.tasks.split(","):
        if task.startswith("gmm-"):
            ref, ours = gmm_task(task[4:])
        else:
            ref, ours = hclust_task(task, data)
        t_ref, t_before, t_after = [], [], []
        for _ in range(a.rounds):
            t0 = time.perf_counter()
            ref()
            t_ref.append(time.perf_counter() - t0)
            t_before.append(ours(a.before))
            t_after.append(ours(a.after))
        r, b, f = (statistics.median(t) for t in (t_ref, t_before, t_after))
        print(f"{task:<12} {r:12.3f} {b:9.3f} {f:9.3f} {b / r:13.3f} {f / r:12.3f}", flush=True)
        print(f"{'':<12} runs: {' '.join(f'{t:.3f}' for t in t_ref)} | "
              f"{' '.join(f'{t:.3f}' for t in t_before)} | "
              f"{' '.join(f'{t:.3f}' for t in t_after)}", flush=True)
    print(f"load average after: {os.getloadavg()[0]:.1f} {os.getloadavg()[1]:.1f} "
          f"{os.getloadavg()[2]:.1f}", flush=True)


if __name__ == "__main__":
    main()
