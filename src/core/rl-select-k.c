/* rl-select-k.c — runs a clustering method for a range of k and scores each partition
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-select-k.h"

#include <math.h>
#include "rl-error.h"
#include "rl-input-check.h"
#include "rl-validity.h"

static gboolean
score_clustering (const gsl_matrix   *X,
                  const RlClustering *c,
                  RlSelectKRow       *row,
                  GCancellable       *cancellable,
                  GError            **error)
{
  guint m = rl_validity_n_clusters (c->labels, X->size1, c->k);

  *row = (RlSelectKRow) { c->k, c->inertia, c->f_k, NAN, NAN, NAN, NAN,
                          c->bic, c->aic, c->log_likelihood };
  if (m < 2 || m + 1 > X->size1)
    return TRUE;
  return rl_silhouette (X, c->labels, c->k, &row->silhouette, NULL, cancellable, error)
         && rl_calinski_harabasz (X, c->labels, c->k, &row->calinski_harabasz, error)
         && rl_davies_bouldin (X, c->labels, c->k, &row->davies_bouldin, error);
}

static gboolean
check_result (const gsl_matrix   *X,
              const RlClustering *c,
              guint               k,
              GError            **error)
{
  if (c->n == X->size1 && c->k == k)
    return rl_check_labels (c->labels, c->n, k, "Selecting k", error);
  g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
               "Selecting k: the method returned %u rows in %u clusters, expected %"
               G_GSIZE_FORMAT " rows in %u", c->n, c->k, X->size1, k);
  return FALSE;
}

static void
fill_growth (GArray *rows)
{
  g_autofree double *f = g_new (double, rows->len);

  for (guint i = 0; i < rows->len; i++)
    f[i] = g_array_index (rows, RlSelectKRow, i).f_k;
  rl_growth_ratio (f, rows->len, f);
  for (guint i = 0; i < rows->len; i++)
    g_array_index (rows, RlSelectKRow, i).growth_ratio = f[i];
}

RlSelectK *
rl_select_k (const gsl_matrix *X,
             guint             k_min,
             guint             k_max,
             RlClusterFunc     func,
             gpointer          func_data,
             RlProgressFunc    progress,
             gpointer          progress_data,
             GCancellable     *cancellable,
             GError          **error)
{
  g_autoptr(RlSelectK) self = NULL;

  if (!rl_check_matrix (X, 1, "Selecting k", error))
    return NULL;
  if (k_min < 1 || k_min > k_max || k_max > X->size1)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "Selecting k: need 1 <= k-min (%u) <= k-max (%u) <= rows (%" G_GSIZE_FORMAT ")",
                   k_min, k_max, X->size1);
      return NULL;
    }
  self = g_new0 (RlSelectK, 1);
  self->k_min = k_min;
  self->k_max = k_max;
  self->rows = g_array_new (FALSE, FALSE, sizeof (RlSelectKRow));
  self->clusterings = g_ptr_array_new_with_free_func ((GDestroyNotify) rl_clustering_free);
  for (guint k = k_min; k <= k_max; k++)
    {
      RlClustering *c;
      RlSelectKRow row;

      if (g_cancellable_is_cancelled (cancellable))
        {
          g_set_error_literal (error, RL_ERROR, RL_ERROR_CANCELLED, "Selecting k cancelled");
          return NULL;
        }
      c = func (X, k, func_data, cancellable, error);
      if (c == NULL)
        return NULL;
      g_ptr_array_add (self->clusterings, c);
      if (!check_result (X, c, k, error) || !score_clustering (X, c, &row, cancellable, error))
        return NULL;
      g_array_append_val (self->rows, row);
      rl_progress_report (progress, progress_data, (k - k_min + 1.0) / (k_max - k_min + 1.0));
    }
  fill_growth (self->rows);
  return g_steal_pointer (&self);
}

void
rl_select_k_free (RlSelectK *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->clusterings, g_ptr_array_unref);
  g_free (self);
}
