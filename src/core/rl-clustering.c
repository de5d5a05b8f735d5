/* rl-clustering.c — the result every clustering method returns
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-clustering.h"

#include <math.h>

#include "rl-alloc-private.h"

RlClustering *
rl_clustering_new (const char *method,
                   guint       n,
                   guint       d,
                   guint       k)
{
  RlClustering *self = g_new0 (RlClustering, 1);

  self->method = g_strdup (method);
  self->n = n;
  self->d = d;
  self->k = k;
  self->labels = rl_big_new0 (guint, MAX (n, 1));
  self->centers = gsl_matrix_calloc (MAX (k, 1), MAX (d, 1));
  self->inertia = NAN;
  self->f_k = NAN;
  self->log_likelihood = NAN;
  self->bic = NAN;
  self->aic = NAN;
  return self;
}

void
rl_clustering_free (RlClustering *self)
{
  if (self == NULL)
    return;
  g_free (self->method);
  g_free (self->labels);
  g_clear_pointer (&self->centers, gsl_matrix_free);
  g_clear_pointer (&self->responsibilities, gsl_matrix_free);
  g_clear_pointer (&self->linkage, gsl_matrix_free);
  g_clear_pointer (&self->history, g_array_unref);
  g_free (self);
}

static double
row_distance2 (const gsl_matrix *X,
               gsize             i,
               const gsl_matrix *C,
               gsize             c)
{
  const double *x = gsl_matrix_const_ptr (X, i, 0);
  const double *y = gsl_matrix_const_ptr (C, c, 0);
  double s = 0.0;

  for (gsize j = 0; j < X->size2; j++)
    {
      double t = x[j] - y[j];
      s += t * t;
    }
  return s;
}

double
rl_inertia (const gsl_matrix *X,
            const guint      *labels,
            const gsl_matrix *centers)
{
  double s = 0.0;

  for (gsize i = 0; i < X->size1; i++)
    s += row_distance2 (X, i, centers, labels[i]);
  return s;
}

double
rl_f_k (const gsl_matrix *X,
        const guint      *labels,
        const gsl_matrix *centers,
        guint            *n_empty)
{
  gsize k = centers->size1;
  g_autofree double *sum = g_new0 (double, k);
  g_autofree guint *count = g_new0 (guint, k);
  double f = 0.0;
  guint empty = 0;

  for (gsize i = 0; i < X->size1; i++)
    {
      sum[labels[i]] += sqrt (row_distance2 (X, i, centers, labels[i]));
      count[labels[i]]++;
    }
  for (gsize c = 0; c < k; c++)
    {
      if (count[c] > 0)
        f += sum[c] / count[c];
      else
        empty++;
    }
  if (n_empty != NULL)
    *n_empty = empty;
  return f;
}

void
rl_clustering_update_scores (RlClustering     *self,
                             const gsl_matrix *X)
{
  self->inertia = rl_inertia (X, self->labels, self->centers);
  self->f_k = rl_f_k (X, self->labels, self->centers, &self->n_empty);
}

void
rl_clustering_update_from_labels (RlClustering     *self,
                                  const gsl_matrix *X)
{
  g_autofree guint *count = g_new0 (guint, self->k);
  g_autoptr(gsl_matrix) sum = gsl_matrix_calloc (self->k, self->d);

  for (gsize i = 0; i < self->n; i++)
    {
      gsl_vector_const_view row = gsl_matrix_const_row (X, i);
      gsl_vector_view acc = gsl_matrix_row (sum, self->labels[i]);

      gsl_vector_add (&acc.vector, &row.vector);
      count[self->labels[i]]++;
    }
  for (gsize c = 0; c < self->k; c++)
    {
      if (count[c] == 0)
        continue;
      for (gsize j = 0; j < self->d; j++)
        gsl_matrix_set (self->centers, c, j, gsl_matrix_get (sum, c, j) / count[c]);
    }
  rl_clustering_update_scores (self, X);
}

void
rl_clustering_canonicalize (RlClustering *self)
{
  g_autofree guint *map = g_new (guint, self->k);
  g_autoptr(gsl_matrix) centers = gsl_matrix_calloc (self->centers->size1, self->centers->size2);
  guint next = 0;

  for (guint c = 0; c < self->k; c++)
    map[c] = G_MAXUINT;
  for (guint i = 0; i < self->n; i++)
    if (map[self->labels[i]] == G_MAXUINT)
      map[self->labels[i]] = next++;
  for (guint c = 0; c < self->k; c++)
    if (map[c] == G_MAXUINT)
      map[c] = next++;

  for (guint c = 0; c < self->k; c++)
    {
      gsl_vector_view src = gsl_matrix_row (self->centers, c);
      gsl_vector_view dst = gsl_matrix_row (centers, map[c]);
      gsl_vector_memcpy (&dst.vector, &src.vector);
    }
  gsl_matrix_memcpy (self->centers, centers);

  if (self->responsibilities != NULL)
    {
      g_autoptr(gsl_matrix) r = gsl_matrix_alloc (self->n, self->k);
      for (guint i = 0; i < self->n; i++)
        for (guint c = 0; c < self->k; c++)
          gsl_matrix_set (r, i, map[c], gsl_matrix_get (self->responsibilities, i, c));
      gsl_matrix_memcpy (self->responsibilities, r);
    }
  for (guint i = 0; i < self->n; i++)
    self->labels[i] = map[self->labels[i]];
}
