#!/usr/bin/python3
# make-hclust-large-reference.py — SciPy 1.10.1 linkages of two larger sets for
# test-hclust: enough rows for the linkage code paths that only larger inputs
# take (Ward's centroid table is compacted as clusters merge).
#
#   cd tests/data && /usr/bin/python3 make-hclust-large-reference.py
#
# Writes hclust-large-reference.json.
# Copyright 2026 The RegionLab authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json

import numpy as np
import scipy
from scipy.cluster.hierarchy import linkage

rng = np.random.default_rng(20261123)


def main():
    centres = rng.normal(0, 6.0, size=(5, 6))
    blobs = centres[rng.integers(0, 5, size=501)] + rng.normal(0, 1.0, size=(501, 6))
    grid = rng.integers(0, 12, size=(301, 2)).astype(float)   # ties and duplicate rows
    out = {"versions": {"scipy": scipy.__version__, "numpy": np.__version__}}
    for name, X in (("blobs501", blobs), ("grid301", grid)):
        entry = {"X": np.round(X, 12).tolist(), "methods": {}}
        Xr = np.array(entry["X"])
        for method in ("single", "complete", "average", "ward"):
            entry["methods"][method] = {"linkage": linkage(Xr, method).tolist()}
        out[name] = entry
    with open("hclust-large-reference.json", "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
