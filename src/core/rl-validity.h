/* rl-validity.h — cluster validity indices: silhouette, Calinski–Harabasz, Davies–Bouldin
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "rl-gsl.h"

G_BEGIN_DECLS

/* Every index takes the n rows of @X (n × d) and their @labels in 0 .. k − 1.
 * Empty clusters are ignored, as if the labels had been renumbered; the
 * indices need between 2 and n − 1 non-empty clusters (as scikit-learn) and
 * fail with RL_ERROR_INVALID otherwise. Inertia and f_k are in
 * rl-clustering.h (rl_inertia, rl_f_k). */

/* Number of non-empty clusters among @labels. */
guint    rl_validity_n_clusters (const guint *labels,
                                 gsize        n,
                                 guint        k);

/* Mean silhouette coefficient, as sklearn.metrics.silhouette_score with the
 * Euclidean metric, in *@mean; the n per-row values, as silhouette_samples,
 * in @samples when it is not NULL. A row alone in its cluster scores 0, and
 * so does a row whose intra- and nearest-cluster distances are both 0.
 * Distances are computed block by block in two fixed halves (two threads
 * when n is large), so the memory is O(n k) and the result does not depend
 * on the machine. */
gboolean rl_silhouette (const gsl_matrix *X,
                        const guint      *labels,
                        guint             k,
                        double           *mean,
                        double           *samples,
                        GCancellable     *cancellable,
                        GError          **error);

/* The mean silhouette of a data set of any size: rl_silhouette() when @X has
 * at most @max_exact rows (*@n_sample = 0); above, the mean silhouette of a
 * sample of @max_exact rows drawn without replacement with @seed, scored
 * among themselves (as sklearn.metrics.silhouette_score with sample_size),
 * and *@n_sample = @max_exact. The same seed draws the same sample. The time
 * is O(min(n, max_exact)² d); RL_LIMIT_SILHOUETTE_EXACT is the usual bound. */
gboolean rl_silhouette_sampled (const gsl_matrix *X,
                                const guint      *labels,
                                guint             k,
                                guint             max_exact,
                                guint64           seed,
                                double           *mean,
                                guint            *n_sample,
                                GCancellable     *cancellable,
                                GError          **error);

/* Calinski–Harabasz variance ratio, as sklearn.metrics.calinski_harabasz_score
 * (1 when every cluster is a single point or all within-cluster
 * dispersion is 0). */
gboolean rl_calinski_harabasz (const gsl_matrix *X,
                               const guint      *labels,
                               guint             k,
                               double           *score,
                               GError          **error);

/* Davies–Bouldin index, as sklearn.metrics.davies_bouldin_score (0 when all
 * clusters are points or all centroids coincide, within 1e-8). */
gboolean rl_davies_bouldin (const gsl_matrix *X,
                            const guint      *labels,
                            guint             k,
                            double           *score,
                            GError          **error);

/* The growth ratio of a sequence f(k_min), …, f(k_max) of the best f_k for
 * each k: ratio[i] = f[i + 1] / f[i], NaN for the last entry and where
 * f[i] is 0 or NaN. @ratio may be @f. */
void     rl_growth_ratio (const double *f,
                          gsize         len,
                          double       *ratio);

G_END_DECLS
