/* rl-stability.h — how stable a clustering is over seeds and bootstrap samples
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rl-clustering.h"
#include "rl-interpret.h"
#include "rl-progress.h"

G_BEGIN_DECLS

/* Any clustering method with its other options bound in @data: k clusters of
 * the rows of @X, deterministic for @seed. */
typedef RlClustering *(*RlClusterFunc) (const gsl_matrix *X,
                                        guint             k,
                                        guint64           seed,
                                        gpointer          data,
                                        GCancellable     *cancellable,
                                        GError          **error);

typedef struct
{
  guint             k;            /* clusters, required */
  guint             n_seeds;      /* 20: runs on all rows, seeds derived from @seed */
  guint             n_bootstrap;  /* 20: runs on n rows drawn with replacement */
  guint64           seed;         /* 0 */
  const gsl_vector *need;         /* optional need score per row: finds each run's neediest
                                   * cluster (highest mean score, see RlInterpretation) */
} RlStabilityOptions;

/* Seed run s clusters every row with seed rl_rng_derive_seed (seed, s);
 * bootstrap run b draws n rows with replacement with a generator seeded with
 * rl_rng_derive_seed (seed, n_seeds + b) and clusters them with that seed; a
 * row drawn several times takes the label of its first draw, a row not drawn
 * is left out of that run. */
typedef struct
{
  guint           n, k, n_seeds, n_bootstrap;
  guint          *labels;         /* n_seeds × n, row-major: each seed run's labels */
  guint          *reference;      /* n: the labels of seed run 0 */
  RlCoassignment *coassignment;   /* over every seed and bootstrap run */
  double         *stability;      /* n: against @reference (see rl_coassignment_stability) */
  gsl_matrix     *ari;            /* n_seeds × n_seeds: adjusted Rand index between seed runs */
  double          ari_mean;       /* mean over pairs of different seed runs (1 with one run) */
  double          ari_min;
  double         *bootstrap_ari;  /* n_bootstrap: ARI with @reference on the rows drawn */
  guint          *neediest;       /* n_seeds: each seed run's neediest cluster (with @need) */
  guint          *neediest_size;  /* n_seeds: its size (0 without @need) */
  double         *p_neediest;     /* n: share of seed runs that put the row in the neediest
                                   * cluster (NaN without @need) */
} RlStability;

void         rl_stability_options_init (RlStabilityOptions *opts);

RlStability *rl_stability_new          (const gsl_matrix         *X,
                                        RlClusterFunc             func,
                                        gpointer                  func_data,
                                        const RlStabilityOptions *opts,
                                        RlProgressFunc            progress,
                                        gpointer                  progress_data,
                                        GCancellable             *cancellable,
                                        GError                  **error);
void         rl_stability_free         (RlStability              *self);

/* The adjusted Rand index between every pair of @m labelings of the same @n
 * rows (for example the results of different methods): an m × m matrix. */
gsl_matrix  *rl_stability_ari_matrix   (const guint * const      *labelings,
                                        guint                     m,
                                        gsize                     n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlStability, rl_stability_free)

G_END_DECLS
