/* rl-clustering.h — the result every clustering method returns
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <gio/gio.h>

#include "rl-gsl.h"

G_BEGIN_DECLS

/* One partition of the n rows of a data matrix X (n × d) into k clusters.
 * Fields a method does not produce stay at their "absent" value: NaN for
 * doubles, NULL for pointers. */
typedef struct
{
  char       *method;          /* "kmeans", "gmm", "hclust", "es", "de", "ga", "immune" */
  guint       n, d, k;
  guint      *labels;          /* n entries in 0 .. k-1 */
  gsl_matrix *centers;         /* k × d, in the units of X */
  double      inertia;         /* Σ ‖x − c(x)‖² */
  double      f_k;             /* Σ_p mean_{x∈p} ‖x − c_p‖, empty clusters count 0 */
  guint       n_empty;         /* clusters without members */
  guint       n_iter;
  gboolean    converged;

  /* Gaussian mixtures */
  double      log_likelihood;  /* total over the n rows */
  double      bic, aic;
  gsl_matrix *responsibilities;/* n × k, or NULL */

  /* hierarchical: SciPy layout, (n − 1) × 4 rows [a, b, height, size] */
  gsl_matrix *linkage;

  /* evolutionary methods: best f_k per iteration */
  GArray     *history;         /* of double */
} RlClustering;

RlClustering *rl_clustering_new  (const char *method,
                                  guint       n,
                                  guint       d,
                                  guint       k);
void          rl_clustering_free (RlClustering *self);

/* Recomputes centers (means of members; an empty cluster keeps its centre if
 * one is set, else zeros), inertia, f_k and n_empty from X and labels. */
void          rl_clustering_update_from_labels (RlClustering     *self,
                                                const gsl_matrix *X);

/* Given centres already set, recomputes inertia, f_k and n_empty for the
 * current labels without moving the centres. */
void          rl_clustering_update_scores      (RlClustering     *self,
                                                const gsl_matrix *X);

/* Σ over clusters of the mean Euclidean distance of members to their centre. */
double        rl_f_k       (const gsl_matrix *X,
                            const guint      *labels,
                            const gsl_matrix *centers,
                            guint            *n_empty);
double        rl_inertia   (const gsl_matrix *X,
                            const guint      *labels,
                            const gsl_matrix *centers);

/* Relabels clusters 0 .. k-1 in order of first appearance, so that equal
 * partitions compare equal. Centres and responsibilities follow. */
void          rl_clustering_canonicalize (RlClustering *self);

/* Any method that clusters X into k clusters, with its own settings in @data:
 * what select-k and the method comparisons call for each k. */
typedef RlClustering *(*RlClusterFunc) (const gsl_matrix *X,
                                        guint             k,
                                        gpointer          data,
                                        GCancellable     *cancellable,
                                        GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlClustering, rl_clustering_free)

G_END_DECLS
