/* rl-kmeans-private.h — k-means helpers shared inside the core
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The first index i < n whose cumulative weight cumsum[i] reaches @r (n − 1
 * when none does): draws an index with probability ∝ its weight when @r is
 * uniform in [0, cumsum[n − 1]). */
gsize rl_kmeans_sample_cumulative (const double *cumsum,
                                   gsize         n,
                                   double        r);

G_END_DECLS
