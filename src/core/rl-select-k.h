/* rl-select-k.h — runs a clustering method for a range of k and scores each partition
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "rl-clustering.h"
#include "rl-progress.h"

G_BEGIN_DECLS

/* Any clustering method: partitions the rows of @X into @k clusters. */
typedef RlClustering *(*RlClusterFunc) (const gsl_matrix *X,
                                        guint             k,
                                        gpointer          data,
                                        GCancellable     *cancellable,
                                        GError          **error);

/* The scores of one k. Indices that are undefined for the partition (the
 * silhouette, Calinski–Harabasz and Davies–Bouldin need 2 .. n − 1
 * non-empty clusters) and the GMM fields of other methods are NaN. */
typedef struct
{
  guint  k;
  double inertia;
  double f_k;
  double growth_ratio;       /* f_k(k + 1) / f_k(k); NaN for the last k */
  double silhouette;
  double calinski_harabasz;
  double davies_bouldin;
  double bic, aic, log_likelihood;
} RlSelectKRow;

typedef struct
{
  guint      k_min, k_max;
  GArray    *rows;         /* of RlSelectKRow, k = k_min .. k_max */
  GPtrArray *clusterings;  /* of RlClustering, one per row */
} RlSelectK;

/* Runs @func for k = @k_min .. @k_max (1 <= k_min <= k_max <= n) and scores
 * each result. Progress is reported after each k. */
RlSelectK *rl_select_k      (const gsl_matrix *X,
                             guint             k_min,
                             guint             k_max,
                             RlClusterFunc     func,
                             gpointer          func_data,
                             RlProgressFunc    progress,
                             gpointer          progress_data,
                             GCancellable     *cancellable,
                             GError          **error);
void       rl_select_k_free (RlSelectK *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlSelectK, rl_select_k_free)

G_END_DECLS
