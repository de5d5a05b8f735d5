/* rl-relations.c — how one indicator relates to every other: r, ρ and η
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-relations.h"

#include <math.h>
#include <stdlib.h>

#include "rl-error.h"

/* |v| for ranking, with NaN below every number. */
static double
rank_key (double v)
{
  return isnan (v) ? -1.0 : fabs (v);
}

static int
compare_keys (double a,
              double b)
{
  return (a < b) - (a > b);  /* descending */
}

static int
compare_relations (const void *pa,
                   const void *pb)
{
  const RlRelation *a = pa, *b = pb;
  int c = compare_keys (rank_key (a->pearson.r), rank_key (b->pearson.r));

  if (c == 0)
    c = compare_keys (rank_key (a->spearman.r), rank_key (b->spearman.r));
  if (c == 0)
    c = compare_keys (rank_key (a->eta), rank_key (b->eta));
  if (c == 0)
    c = (a->column > b->column) - (a->column < b->column);
  return c;
}

static gboolean
find_column (const char * const *names,
             guint               d,
             const char         *target,
             guint              *column,
             GError            **error)
{
  for (guint j = 0; j < d; j++)
    if (g_strcmp0 (names[j], target) == 0)
      {
        *column = j;
        return TRUE;
      }
  g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
               "There is no indicator named “%s” to relate the others to", target);
  return FALSE;
}

static void
relate_one (RlRelation       *rel,
            const gsl_vector *y,
            const gsl_vector *x)
{
  RlGroupingOptions options;
  g_autoptr(RlGrouping) g = NULL;

  rl_correlation_pair (RL_CORRELATION_PEARSON, y, x, &rel->pearson, NULL);
  rl_correlation_pair (RL_CORRELATION_SPEARMAN, y, x, &rel->spearman, NULL);
  rel->n = rel->pearson.n;
  rl_grouping_options_init (&options);
  g = rl_grouping_new_by_feature (y, x, &options, NULL);
  rel->eta = rel->eta2 = NAN;
  rel->chaddock = RL_CHADDOCK_UNDEFINED;
  rel->eta_status = RL_GROUPING_CONSTANT;
  if (g == NULL)  /* no row with both values */
    return;
  rel->n_groups = g->k;
  rel->eta = g->eta;
  rel->eta2 = g->eta2;
  rel->chaddock = g->chaddock;
  rel->eta_status = g->status;
}

/* Fills self->rows, one per column but the target, in column order. */
static gboolean
relate_all (RlRelations        *self,
            const gsl_matrix   *X,
            const char * const *names,
            GCancellable       *cancellable,
            GError            **error)
{
  gsl_vector_const_view y = gsl_matrix_const_column (X, self->target_column);
  guint r = 0;

  for (guint j = 0; j < X->size2; j++)
    {
      gsl_vector_const_view x = gsl_matrix_const_column (X, j);

      if (j == self->target_column)
        continue;
      if (g_cancellable_is_cancelled (cancellable))
        {
          g_set_error_literal (error, RL_ERROR, RL_ERROR_CANCELLED, "Relations were cancelled");
          return FALSE;
        }
      self->rows[r].feature = g_strdup (names[j]);
      self->rows[r].column = j;
      relate_one (&self->rows[r++], &y.vector, &x.vector);
    }
  return TRUE;
}

RlRelations *
rl_relations_new (const gsl_matrix   *X,
                  const char * const *names,
                  const char         *target,
                  GCancellable       *cancellable,
                  GError            **error)
{
  g_autoptr(RlRelations) self = g_new0 (RlRelations, 1);

  g_return_val_if_fail (X != NULL && names != NULL && target != NULL, NULL);
  if (!find_column (names, X->size2, target, &self->target_column, error))
    return NULL;
  rl_gsl_init ();
  self->target = g_strdup (target);
  self->n_rows = X->size1;
  self->n_matrices = 1;
  self->n_relations = X->size2 - 1;
  self->rows = g_new0 (RlRelation, MAX (self->n_relations, 1));
  if (!relate_all (self, X, names, cancellable, error))
    return NULL;
  qsort (self->rows, self->n_relations, sizeof (RlRelation), compare_relations);
  return g_steal_pointer (&self);
}

RlRelations *
rl_relations_new_pooled (const gsl_matrix * const *Xs,
                         guint                     n_matrices,
                         const char * const       *names,
                         const char               *target,
                         GCancellable             *cancellable,
                         GError                  **error)
{
  g_autoptr(gsl_matrix) X = rl_relations_stack (Xs, n_matrices, error);
  RlRelations *self;

  if (X == NULL)
    return NULL;
  self = rl_relations_new (X, names, target, cancellable, error);
  if (self != NULL)
    self->n_matrices = n_matrices;
  return self;
}

gsl_matrix *
rl_relations_stack (const gsl_matrix * const *Xs,
                    guint                     n_matrices,
                    GError                  **error)
{
  gsl_matrix *X;
  gsize rows = 0, row = 0;

  g_return_val_if_fail (Xs != NULL, NULL);
  if (n_matrices == 0)
    {
      g_set_error_literal (error, RL_ERROR, RL_ERROR_INVALID, "There are no years to pool");
      return NULL;
    }
  for (guint m = 0; m < n_matrices; m++)
    {
      if (Xs[m]->size2 != Xs[0]->size2)
        {
          g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                       "Cannot pool years with different indicators: year %u has %zu columns, "
                       "year 1 has %zu", m + 1, Xs[m]->size2, Xs[0]->size2);
          return NULL;
        }
      rows += Xs[m]->size1;
    }
  X = gsl_matrix_alloc (rows, Xs[0]->size2);
  for (guint m = 0; m < n_matrices; row += Xs[m]->size1, m++)
    {
      gsl_matrix_view dst = gsl_matrix_submatrix (X, row, 0, Xs[m]->size1, X->size2);

      gsl_matrix_memcpy (&dst.matrix, Xs[m]);
    }
  return X;
}

void
rl_relations_free (RlRelations *self)
{
  if (self == NULL)
    return;
  for (guint r = 0; r < self->n_relations; r++)
    g_free (self->rows[r].feature);
  g_free (self->rows);
  g_free (self->target);
  g_free (self);
}
