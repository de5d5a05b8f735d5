/* rl-evolve-compare.c — runs several clustering methods over a range of k and compares them
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-evolve-compare.h"

#include <math.h>

#include "rl-error.h"

static void
row_free (gpointer data)
{
  RlEvolveCompareRow *row = data;

  g_free (row->method);
  g_clear_pointer (&row->history, g_array_unref);
  g_free (row);
}

void
rl_evolve_compare_free (RlEvolveCompare *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->rows);
  g_free (self);
}

static RlEvolveCompareRow *
run_one (const gsl_matrix            *X,
         const RlEvolveCompareMethod *method,
         guint                        k,
         GCancellable                *cancellable,
         GError                     **error)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(RlClustering) c = method->func (X, k, method->data, cancellable, error);
  RlEvolveCompareRow *row;

  if (c == NULL)
    return NULL;
  row = g_new0 (RlEvolveCompareRow, 1);
  row->seconds = (g_get_monotonic_time () - start) / 1e6;
  row->method = g_strdup (method->name);
  row->k = k;
  row->f_min = c->f_k;
  row->growth_ratio = NAN;
  row->inertia = c->inertia;
  row->n_empty = c->n_empty;
  row->history = g_steal_pointer (&c->history);
  return row;
}

static gboolean
check_range (const gsl_matrix *X,
             guint             k_min,
             guint             k_max,
             guint             n_methods,
             GError          **error)
{
  if (X == NULL || X->size1 == 0 || n_methods == 0 || k_min == 0 || k_min > k_max)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "Comparison needs data, at least one method and 1 <= k_min <= k_max");
      return FALSE;
    }
  if (k_max > X->size1)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "Cannot make %u clusters of %zu regions: choose k_max at most %zu",
                   k_max, X->size1, X->size1);
      return FALSE;
    }
  return TRUE;
}

RlEvolveCompare *
rl_evolve_compare (const gsl_matrix            *X,
                   guint                        k_min,
                   guint                        k_max,
                   const RlEvolveCompareMethod *methods,
                   guint                        n_methods,
                   RlProgressFunc               progress,
                   gpointer                     progress_data,
                   GCancellable                *cancellable,
                   GError                     **error)
{
  g_autoptr(RlEvolveCompare) self = NULL;
  guint runs, done = 0;

  if (!check_range (X, k_min, k_max, n_methods, error))
    return NULL;
  self = g_new0 (RlEvolveCompare, 1);
  self->k_min = k_min;
  self->k_max = k_max;
  self->rows = g_ptr_array_new_with_free_func (row_free);
  runs = n_methods * (k_max - k_min + 1);
  for (guint m = 0; m < n_methods; m++)
    for (guint k = k_min; k <= k_max; k++)
      {
        RlEvolveCompareRow *row;

        if (g_cancellable_is_cancelled (cancellable))
          {
            g_set_error (error, RL_ERROR, RL_ERROR_CANCELLED, "The comparison was cancelled");
            return NULL;
          }
        row = run_one (X, &methods[m], k, cancellable, error);
        if (row == NULL)
          return NULL;
        if (k > k_min)
          {
            RlEvolveCompareRow *prev = g_ptr_array_index (self->rows, self->rows->len - 1);
            prev->growth_ratio = prev->f_min > 0.0 ? row->f_min / prev->f_min : NAN;
          }
        g_ptr_array_add (self->rows, row);
        rl_progress_report (progress, progress_data, (double) ++done / runs);
      }
  return g_steal_pointer (&self);
}

RlClustering *
rl_evolve_compare_evolve_func (const gsl_matrix *X,
                               guint             k,
                               gpointer          options,
                               GCancellable     *cancellable,
                               GError          **error)
{
  RlEvolveOptions o = *(const RlEvolveOptions *) options;

  o.k = k;
  return rl_evolve (X, &o, NULL, NULL, cancellable, error);
}

void
rl_evolve_compare_add_evolutionary (const RlEvolveOptions *base,
                                    RlEvolveOptions        options[4],
                                    RlEvolveCompareMethod  methods[4])
{
  for (RlEvolveMethod m = RL_EVOLVE_ES; m <= RL_EVOLVE_IMMUNE; m++)
    {
      options[m] = *base;
      options[m].method = m;
      methods[m] = (RlEvolveCompareMethod) {
        rl_evolve_method_to_string (m), rl_evolve_compare_evolve_func, &options[m],
      };
    }
}
