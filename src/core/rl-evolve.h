/* rl-evolve.h — evolutionary clustering: evolution strategy, differential evolution,
 * genetic and immune algorithms minimising the sum of mean distances to the centres
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rl-clustering.h"
#include "rl-progress.h"

G_BEGIN_DECLS

/* The four methods of Snytyuk, Soroka and Tkachenko. A genome is the k centres
 * flattened row by row into one vector of k·d numbers in [a, b]; every row of X
 * belongs to its nearest centre, and the fitness to minimise is
 *   f(X, c) = Σ_p (1 / |X_p|) Σ_{x ∈ X_p} ‖x − c_p‖      (empty clusters add 0).
 * Because an empty cluster adds nothing, f usually falls when clusters merge: the methods
 * tend to leave clusters empty as k grows (n_empty reports it). lloyd_polish removes the
 * empty clusters; per_centre does not. */
typedef enum
{
  RL_EVOLVE_ES,       /* (μ + λ) evolution strategy, μ = N, λ = 7N */
  RL_EVOLVE_DE,       /* differential evolution (rand/1/bin) */
  RL_EVOLVE_GA,       /* genetic algorithm on binary-coded coordinates */
  RL_EVOLVE_IMMUNE,   /* clonal selection with a diversity (uniqueness) term */
} RlEvolveMethod;

typedef struct
{
  RlEvolveMethod method;     /* default RL_EVOLVE_DE */
  guint          k;          /* number of clusters, default 2 */
  guint          iterations; /* T, default 2000 */
  guint          population; /* N, default 100 */

  gboolean       scale;      /* min-max scale every column of X to [a, b] first; default FALSE:
                              * the CLI passes data already scaled (--scale minmax:-10:10 is its
                              * default for these methods) */
  double         a, b;       /* the box of the centres (and of the data when scaling), [-10, 10] */

  /* evolution strategy */
  double         sigma;      /* standard deviation of the mutation noise, in the units of the
                              * data; default 0.2 (1 % of the default box width 20) */
  gboolean       self_adaptive; /* every member carries its own σ, mutated log-normally with
                                 * τ = 1/√(genes varied); sigma is then the starting value */

  /* differential evolution: the paper's values */
  double         cr;         /* crossover rate, default 0.5 */
  double         f;          /* differential weight, default 0.04 */

  /* genetic and immune algorithms */
  double         epsilon;    /* precision of the binary code over [a, b], default 1e-3 */
  double         delta;      /* bit-flip probability, default 0.001 */
  double         max_u;      /* immune: cap of the uniqueness term, default 1 */
  double         k_u;        /* immune: weight of uniqueness, default 1 */
  double         k_q;        /* immune: weight of quality, default 10 */

  guint64        seed;       /* default 0 */

  gboolean       per_centre; /* vary one centre per iteration (centre t mod k), the others are
                              * inherited unchanged; default FALSE */
  gboolean       lloyd_polish; /* finish with Lloyd (k-means) iterations from the best centres;
                                * the returned centres are then cluster means; default FALSE */
} RlEvolveOptions;

void          rl_evolve_options_init    (RlEvolveOptions *options);

/* "es", "de", "ga", "immune". */
const char   *rl_evolve_method_to_string (RlEvolveMethod method);
gboolean      rl_evolve_method_from_string (const char     *name,
                                            RlEvolveMethod *method,
                                            GError        **error);

/* Runs the chosen method on X (n × d). Deterministic for options->seed. Progress is
 * reported between iterations; cancellation is checked between iterations and gives
 * RL_ERROR_CANCELLED. The result's centres, f_k and inertia are in the units the method
 * worked in (those of X, or of the scaled X when options->scale is set); history holds the
 * best f after every iteration (non-increasing, options->iterations entries). */
RlClustering *rl_evolve (const gsl_matrix      *X,
                         const RlEvolveOptions *options,
                         RlProgressFunc         progress,
                         gpointer               progress_data,
                         GCancellable          *cancellable,
                         GError               **error);

/* Min-max scales every column of X into [a, b]; a constant column becomes (a + b) / 2. */
gsl_matrix   *rl_evolve_scale_minmax (const gsl_matrix *X,
                                      double            a,
                                      double            b);

G_END_DECLS
