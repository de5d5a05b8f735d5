/* rl-kmeans.h — k-means: greedy k-means++ seeding, restarts, Lloyd iterations
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rl-clustering.h"
#include "rl-progress.h"

G_BEGIN_DECLS

#define RL_KMEANS_SWAP_AUTO G_MAXUINT

typedef struct
{
  guint   k;          /* number of clusters, 1 .. n (no default: 0 is an error) */
  guint   n_init;     /* restarts, the lowest inertia wins (default 10) */
  guint   max_iter;   /* Lloyd iterations per restart (default 300) */
  double  tol;        /* stop when Σ‖Δcentre‖² <= tol · mean column variance (default 1e-4) */
  guint64 seed;       /* restart r is seeded with rl_rng_derive_seed (seed, r) (default 0) */
  guint   n_threads;  /* threads running restarts; 0 = one per processor (default 0).
                       * The result does not depend on it. */
  gboolean hartigan;  /* after Lloyd, move single rows while that lowers the inertia
                       * (Hartigan's method; default TRUE) */
  guint    n_swap;    /* random-swap trials on the best restart (one centre moved to a
                       * row far from its centre, kept when the inertia drops);
                       * RL_KMEANS_SWAP_AUTO (default): 10·k when n·d·k <= 2e6, else 0 */
} RlKmeansOptions;

void          rl_kmeans_options_init (RlKmeansOptions *opts);

/* Clusters the rows of @X (n × d, finite) into opts->k groups. Returns a
 * result with method "kmeans": labels (canonical order), centres, inertia,
 * f_k, n_empty, n_iter and converged of the best restart. Errors: k = 0,
 * k > n, n_init = 0 or non-finite X (RL_ERROR_INVALID), cancellation
 * (RL_ERROR_CANCELLED). @progress is called from the calling thread. */
RlClustering *rl_kmeans (const gsl_matrix      *X,
                         const RlKmeansOptions *opts,
                         RlProgressFunc         progress,
                         gpointer               user_data,
                         GCancellable          *cancellable,
                         GError               **error);

/* Chooses k initial centres from the rows of @X by greedy k-means++
 * (2 + ⌊ln k⌋ candidates per centre, the one lowering the potential most
 * wins) and writes them to @centers (k × d). */
gboolean      rl_kmeans_plusplus (const gsl_matrix *X,
                                  gsl_rng          *rng,
                                  gsl_matrix       *centers,
                                  GError          **error);

/* Lloyd iterations from the given @centers (k × d, updated in place) until
 * the labels stop changing, Σ‖Δcentre‖² <= @tol · mean column variance, or
 * @max_iter iterations. @labels (n entries) receives the assignment to the
 * returned centres. An empty cluster is moved to the point farthest from its
 * centre. Any of @inertia, @n_iter, @converged may be NULL. */
gboolean      rl_kmeans_lloyd (const gsl_matrix *X,
                               gsl_matrix       *centers,
                               guint            *labels,
                               guint             max_iter,
                               double            tol,
                               double           *inertia,
                               guint            *n_iter,
                               gboolean         *converged,
                               GCancellable     *cancellable,
                               GError          **error);

/* Checks that @X has at least @k rows, k >= 1, and only finite values. */
gboolean      rl_kmeans_check_input (const gsl_matrix *X,
                                     guint             k,
                                     GError          **error);

G_END_DECLS
