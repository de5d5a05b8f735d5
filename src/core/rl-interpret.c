/* rl-interpret.c — what the clusters mean: profiles, η per indicator, need order,
 * agreement between labelings and co-assignment stability
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-interpret.h"

#include <math.h>
#include <stdlib.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "rl-error.h"

static gboolean
check_labels (const guint *labels,
              gsize        n,
              guint        k,
              GError     **error)
{
  for (gsize i = 0; i < n; i++)
    if (labels[i] != RL_GROUP_NONE && labels[i] >= k)
      {
        g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                     "Row %zu has cluster %u but there are only %u clusters", i + 1, labels[i], k);
        return FALSE;
      }
  return TRUE;
}

static RlInterpretation *
interpretation_alloc (guint n,
                      guint d,
                      guint k)
{
  RlInterpretation *self = g_new0 (RlInterpretation, 1);

  self->n = n;
  self->d = d;
  self->k = k;
  self->sizes = g_new0 (guint, MAX (k, 1));
  self->means = gsl_matrix_alloc (MAX (k, 1), d);
  self->medians = gsl_matrix_alloc (MAX (k, 1), d);
  self->eta = g_new (double, d);
  self->eta2 = g_new (double, d);
  self->chaddock = g_new (RlChaddock, d);
  self->eta_status = g_new (RlGroupingStatus, d);
  self->need = g_new (double, MAX (k, 1));
  self->order = g_new (guint, MAX (k, 1));
  self->neediest = RL_GROUP_NONE;
  return self;
}

/* Mean and median of column j over the members of every cluster; @buf holds n values. */
static void
profile_column (RlInterpretation *self,
                const gsl_matrix *X,
                const guint      *labels,
                guint             j,
                double           *buf)
{
  for (guint c = 0; c < self->k; c++)
    {
      gsize m = 0;

      for (gsize i = 0; i < X->size1; i++)
        if (labels[i] == c && !isnan (gsl_matrix_get (X, i, j)))
          buf[m++] = gsl_matrix_get (X, i, j);
      gsl_sort (buf, 1, m);
      gsl_matrix_set (self->means, c, j, m > 0 ? gsl_stats_mean (buf, 1, m) : NAN);
      gsl_matrix_set (self->medians, c, j,
                      m > 0 ? gsl_stats_median_from_sorted_data (buf, 1, m) : NAN);
    }
}

static void
eta_column (RlInterpretation *self,
            const gsl_matrix *X,
            const guint      *labels,
            guint             j)
{
  gsl_vector_const_view col = gsl_matrix_const_column (X, j);
  g_autoptr(RlGrouping) g = rl_grouping_new_by_labels (&col.vector, labels, self->k, NULL);

  /* no grouping: the column has no value at all */
  self->eta[j] = g != NULL ? g->eta : NAN;
  self->eta2[j] = g != NULL ? g->eta2 : NAN;
  self->chaddock[j] = g != NULL ? g->chaddock : RL_CHADDOCK_UNDEFINED;
  self->eta_status[j] = g != NULL ? g->status : RL_GROUPING_CONSTANT;
}

/* Is cluster a needier than cluster b? NaN is never needier; ties go to the lower index. */
static gboolean
needier (const RlInterpretation *self,
         guint                   a,
         guint                   b)
{
  double na = self->need[a], nb = self->need[b];

  if (isnan (na) || isnan (nb))
    return !isnan (na) && isnan (nb);
  return na > nb || (na == nb && a < b);
}

static void
order_by_need (RlInterpretation *self,
               const guint      *labels,
               const gsl_vector *need)
{
  g_autofree guint *count = g_new0 (guint, MAX (self->k, 1));

  for (guint c = 0; c < self->k; c++)
    self->need[c] = 0;
  for (gsize i = 0; i < need->size; i++)
    if (labels[i] != RL_GROUP_NONE && !isnan (gsl_vector_get (need, i)))
      {
        self->need[labels[i]] += gsl_vector_get (need, i);
        count[labels[i]]++;
      }
  for (guint c = 0; c < self->k; c++)
    self->need[c] = count[c] > 0 ? self->need[c] / count[c] : NAN;
  /* insertion sort: k is small */
  for (guint c = 1; c < self->k; c++)
    for (guint t = c; t > 0 && needier (self, self->order[t], self->order[t - 1]); t--)
      {
        guint tmp = self->order[t];

        self->order[t] = self->order[t - 1];
        self->order[t - 1] = tmp;
      }
  self->neediest = self->k > 0 ? self->order[0] : RL_GROUP_NONE;
}

RlInterpretation *
rl_interpretation_new (const gsl_matrix *X,
                       const guint      *labels,
                       guint             k,
                       const gsl_vector *need,
                       GError          **error)
{
  g_autoptr(RlInterpretation) self = NULL;
  g_autofree double *buf = NULL;

  g_return_val_if_fail (X != NULL && labels != NULL, NULL);
  if (k == 0)
    {
      g_set_error_literal (error, RL_ERROR, RL_ERROR_INVALID, "There must be at least 1 cluster");
      return NULL;
    }
  if (!check_labels (labels, X->size1, k, error))
    return NULL;
  if (need != NULL && need->size != X->size1)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "There are %zu need scores for %zu rows", need->size, X->size1);
      return NULL;
    }
  self = interpretation_alloc (X->size1, X->size2, k);
  buf = g_new (double, X->size1);
  for (gsize i = 0; i < X->size1; i++)
    if (labels[i] != RL_GROUP_NONE)
      self->sizes[labels[i]]++;
  for (guint j = 0; j < X->size2; j++)
    {
      profile_column (self, X, labels, j, buf);
      eta_column (self, X, labels, j);
    }
  for (guint c = 0; c < k; c++)
    {
      self->order[c] = c;
      self->need[c] = NAN;
    }
  if (need != NULL)
    order_by_need (self, labels, need);
  return g_steal_pointer (&self);
}

void
rl_interpretation_free (RlInterpretation *self)
{
  if (self == NULL)
    return;
  g_free (self->sizes);
  gsl_matrix_free (self->means);
  gsl_matrix_free (self->medians);
  g_free (self->eta);
  g_free (self->eta2);
  g_free (self->chaddock);
  g_free (self->eta_status);
  g_free (self->need);
  g_free (self->order);
  g_free (self);
}

static int
compare_guint64 (const void *pa,
                 const void *pb)
{
  guint64 a = *(const guint64 *) pa, b = *(const guint64 *) pb;

  return (a > b) - (a < b);
}

/* Sorts @v and returns the sum of the squared lengths of its runs of equal values. */
static double
sum_of_squared_runs (guint64 *v,
                     gsize    n)
{
  double sum = 0;
  gsize i = 0;

  qsort (v, n, sizeof (guint64), compare_guint64);
  while (i < n)
    {
      gsize j = i + 1;

      while (j < n && v[j] == v[i])
        j++;
      sum += (double) (j - i) * (double) (j - i);
      i = j;
    }
  return sum;
}

double
rl_adjusted_rand_index (const guint *a,
                        const guint *b,
                        gsize        n)
{
  g_autofree guint64 *v = g_new (guint64, MAX (n, 1));
  double sa, sb, sab, tp, fp, fn, tn;

  /* sums of squared row, column and cell counts of the contingency table */
  for (gsize i = 0; i < n; i++)
    v[i] = a[i];
  sa = sum_of_squared_runs (v, n);
  for (gsize i = 0; i < n; i++)
    v[i] = b[i];
  sb = sum_of_squared_runs (v, n);
  for (gsize i = 0; i < n; i++)
    v[i] = ((guint64) a[i] << 32) | b[i];
  sab = sum_of_squared_runs (v, n);
  /* ordered pairs of distinct rows: together in both, in one only, in neither */
  tp = sab - (double) n;
  fp = sa - sab;
  fn = sb - sab;
  tn = (double) n * (double) n - fp - fn - sab;
  if (fp == 0 && fn == 0)
    return 1.0;
  return 2.0 * (tp * tn - fn * fp) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
}

RlCoassignment *
rl_coassignment_new (guint n)
{
  RlCoassignment *self = g_new0 (RlCoassignment, 1);

  self->n = n;
  self->together = g_new0 (guint, MAX ((gsize) n * n, 1));
  self->both = g_new0 (guint, MAX ((gsize) n * n, 1));
  return self;
}

void
rl_coassignment_free (RlCoassignment *self)
{
  if (self == NULL)
    return;
  g_free (self->together);
  g_free (self->both);
  g_free (self);
}

static gboolean
check_count (const RlCoassignment *self,
             gsize                 n,
             GError              **error)
{
  if (n == self->n)
    return TRUE;
  g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
               "A labeling of %zu rows does not fit a co-assignment of %u rows", n, self->n);
  return FALSE;
}

gboolean
rl_coassignment_add (RlCoassignment *self,
                     const guint    *labels,
                     gsize           n,
                     GError        **error)
{
  g_return_val_if_fail (self != NULL && labels != NULL, FALSE);
  if (!check_count (self, n, error))
    return FALSE;
  for (gsize i = 0; i < n; i++)
    {
      if (labels[i] == RL_GROUP_NONE)
        continue;
      for (gsize j = 0; j < n; j++)
        if (labels[j] != RL_GROUP_NONE)
          {
            self->both[i * n + j]++;
            self->together[i * n + j] += labels[i] == labels[j];
          }
    }
  self->n_labelings++;
  return TRUE;
}

double
rl_coassignment_fraction (const RlCoassignment *self,
                          guint                 i,
                          guint                 j)
{
  g_return_val_if_fail (self != NULL && i < self->n && j < self->n, NAN);
  if (i == j)
    return 1.0;
  if (self->both[i * self->n + j] == 0)
    return NAN;
  return (double) self->together[i * self->n + j] / self->both[i * self->n + j];
}

gboolean
rl_coassignment_stability (const RlCoassignment *self,
                           const guint          *reference,
                           gsize                 n,
                           double               *stability,
                           GError              **error)
{
  g_return_val_if_fail (self != NULL && reference != NULL && stability != NULL, FALSE);
  if (!check_count (self, n, error))
    return FALSE;
  for (gsize i = 0; i < n; i++)
    {
      double sum = 0;
      guint m = 0;

      for (gsize j = 0; j < n; j++)
        {
          double c = rl_coassignment_fraction (self, i, j);

          if (j == i || reference[i] == RL_GROUP_NONE || reference[j] != reference[i] || isnan (c))
            continue;
          sum += c;
          m++;
        }
      stability[i] = m > 0 ? sum / m : NAN;
    }
  return TRUE;
}
