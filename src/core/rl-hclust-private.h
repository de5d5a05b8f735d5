/* rl-hclust-private.h — linkage helpers shared inside the core
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <gsl/gsl_matrix.h>

#include "rl-error.h"
#include "rl-gsl.h"

G_BEGIN_DECLS

/* Merges between checks of the cancellable. */
#define RL_HCLUST_CANCEL_EVERY 64

/* TRUE, with @error set, when @cancellable is cancelled. */
static inline gboolean
rl_hclust_cancelled (GCancellable *cancellable,
                     GError      **error)
{
  if (!g_cancellable_is_cancelled (cancellable))
    return FALSE;
  g_set_error_literal (error, RL_ERROR, RL_ERROR_CANCELLED, "Hierarchical clustering cancelled");
  return TRUE;
}

/* Writes row @step of the merges, [x, y, @height] with the slots @x and
 * @y put in increasing order first (the union takes slot y). */
static inline void
rl_hclust_record_merge (gsl_matrix *Z,
                        guint       step,
                        guint      *x,
                        guint      *y,
                        double      height)
{
  if (*x > *y)
    {
      guint t = *x;
      *x = *y;
      *y = t;
    }
  gsl_matrix_set (Z, step, 0, *x);
  gsl_matrix_set (Z, step, 1, *y);
  gsl_matrix_set (Z, step, 2, height);
}

/* Single linkage of the rows of @X (at least 2), Prim's minimum spanning
 * tree (rl-hclust-single.c): n − 1 rows [point, point, height, –] in the
 * order the tree grew; NULL when cancelled. */
gsl_matrix *rl_hclust_single_merges (const gsl_matrix *X,
                                     GCancellable     *cancellable,
                                     GError          **error);

/* Up to this many rows Ward's linkage runs on the distance matrix (at most
 * 128 MB), with SciPy's Lance–Williams arithmetic, so that even exact ties
 * (duplicate rows, points on a grid) resolve as SciPy resolves them; above,
 * from the centroids, without the matrix. */
#define RL_WARD_MATRIX_MAX 4096

/* Ward linkage of the rows of @X (at least 2) from the centroids of the
 * clusters (rl-hclust-ward.c): n − 1 rows [slot x, slot y, height, –] in
 * the order of the merges, x < y, the union taking slot y; NULL when
 * cancelled. */
gsl_matrix *rl_hclust_ward_merges (const gsl_matrix *X,
                                   GCancellable     *cancellable,
                                   GError          **error);

G_END_DECLS
