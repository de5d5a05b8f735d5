/* rl-validity.c — cluster validity indices: silhouette, Calinski–Harabasz, Davies–Bouldin
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The silhouette needs, for each row i and cluster c, the sum S[i, c] of the
 * distances from i to the members of c. The rows are first sorted by
 * cluster (stably), so that the members of a cluster are one run of
 * columns. Each distance is computed once, for the pair i < j, and added
 * to S[i, c(j)] (a sum over a run, kept in vector lanes) and S[j, c(i)]
 * (the row c(i) of a k × n accumulator). The pairs are split into two
 * fixed halves by the first row, each with its own accumulators, and the
 * halves are added in a fixed order at the end, so the result is the same
 * whether one or two threads run them.
 */
#include "rl-validity.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_math.h>
#include "rl-alloc-private.h"
#include "rl-error.h"
#include "rl-input-check.h"
#include "rl-lanes-private.h"
#include "rl-rng.h"

#define N_PARTS      2
#define MIN_THREADED 1024
#define MAX_ACC      ((gsize) 1 << 27)   /* doubles in the per-half accumulators */

typedef struct
{
  const double *XT;          /* d × n, column-major copy of X, rows sorted by cluster */
  const guint  *labels;      /* n, the clusters of the sorted rows */
  const guint  *start;       /* k + 1, the sorted rows of cluster c are [start[c], start[c + 1]) */
  guint         n, d, k;
  guint         first, last; /* sorted rows [first, last) of this half */
  double       *own;         /* n × k: S[i, ·] from pairs (i, j > i) of this half */
  double       *other;       /* k × n: S[j, ·] from pairs (i < j, j) of this half */
  double       *xi;          /* d: the row i */
  GCancellable *cancellable;
} Part;

static int
compare_uint (const void *a,
              const void *b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static gboolean
check_partition (const gsl_matrix *X,
                 const guint      *labels,
                 guint             k,
                 const char       *what,
                 GError          **error)
{
  guint m;

  if (!rl_check_matrix (X, 1, what, error) || !rl_check_labels (labels, X->size1, k, what, error))
    return FALSE;
  m = rl_validity_n_clusters (labels, X->size1, k);
  if (m < 2 || m + 1 > X->size1)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "%s needs between 2 and n − 1 = %" G_GSIZE_FORMAT " non-empty clusters, got %u",
                   what, X->size1 - 1, m);
      return FALSE;
    }
  return TRUE;
}

/* Σ ‖x_i − x_j‖ over j in [from, to), each distance also added to other[j]. */
static double
run_sum (const Part *p,
         guint       from,
         guint       to,
         double     *other)
{
  const double *XT = p->XT;
  gsize n = p->n;
  V2 acc0 = { 0.0, 0.0 }, acc1 = { 0.0, 0.0 };
  double tail = 0.0;
  guint j = from;

  for (; j + 4 <= to; j += 4)
    {
      V2 s0 = { 0.0, 0.0 }, s1 = { 0.0, 0.0 };

      for (guint t = 0; t < p->d; t++)
        {
          V2 x = { p->xi[t], p->xi[t] };
          V2 y0 = v2_load (XT + t * n + j) - x, y1 = v2_load (XT + t * n + j + 2) - x;

          s0 += y0 * y0;
          s1 += y1 * y1;
        }
      s0 = v2_sqrt (s0);
      s1 = v2_sqrt (s1);
      acc0 += s0;
      acc1 += s1;
      s0 += v2_load (other + j);
      s1 += v2_load (other + j + 2);
      memcpy (other + j, &s0, sizeof s0);
      memcpy (other + j + 2, &s1, sizeof s1);
    }
  for (; j < to; j++)
    {
      double s = 0.0;

      for (guint t = 0; t < p->d; t++)
        {
          double y = XT[t * n + j] - p->xi[t];
          s += y * y;
        }
      s = sqrt (s);
      tail += s;
      other[j] += s;
    }
  acc0 += acc1;
  return (acc0[0] + acc0[1]) + tail;
}

static gpointer
part_run (gpointer data)
{
  Part *p = data;

  for (guint i = p->first; i < p->last; i++)
    {
      double *own = p->own + (gsize) i * p->k;
      double *other = p->other + (gsize) p->labels[i] * p->n;

      if ((i - p->first) % 256 == 0 && g_cancellable_is_cancelled (p->cancellable))
        return NULL;
      for (guint t = 0; t < p->d; t++)
        p->xi[t] = p->XT[(gsize) t * p->n + i];
      for (guint c = p->labels[i]; c < p->k; c++)
        if (p->start[c + 1] > i + 1)
          own[c] += run_sum (p, MAX (p->start[c], i + 1), p->start[c + 1], other);
    }
  return NULL;
}

/* Splits the rows so that both halves hold about as many pairs. */
static guint
split_point (guint n)
{
  return (guint) (n * (1.0 - sqrt (0.5)));
}

static double
silhouette_of_row (const double *sum,
                   const guint  *count,
                   guint         k,
                   guint         own)
{
  double a, b = INFINITY, top;

  if (count[own] < 2)
    return 0.0;
  a = sum[own] / (count[own] - 1);
  for (guint c = 0; c < k; c++)
    if (c != own && count[c] > 0)
      b = MIN (b, sum[c] / count[c]);
  top = MAX (a, b);
  return top > 0 ? (b - a) / top : 0.0;
}

/* The rows of X sorted by cluster (stably), as a d × n column-major copy;
 * their clusters in @sorted_labels, the original row of each in @order and
 * the first sorted row of each cluster in @start (k + 1 entries). */
static double *
sorted_transpose (const gsl_matrix *X,
                  const guint      *labels,
                  guint             k,
                  guint            *sorted_labels,
                  guint            *order,
                  guint            *start)
{
  gsize n = X->size1, d = X->size2;
  double *XT = rl_big_new (double, MAX (n * d, 1));
  g_autofree guint *next = g_new0 (guint, k);

  memset (start, 0, (k + 1) * sizeof (guint));
  for (gsize i = 0; i < n; i++)
    start[labels[i] + 1]++;
  for (guint c = 0; c < k; c++)
    {
      start[c + 1] += start[c];
      next[c] = start[c];
    }
  for (gsize i = 0; i < n; i++)
    {
      guint p = next[labels[i]]++;

      order[p] = i;
      sorted_labels[p] = labels[i];
      for (gsize t = 0; t < d; t++)
        XT[t * n + p] = gsl_matrix_get (X, i, t);
    }
  return XT;
}

static void
run_parts (Part *parts,
           guint n)
{
  GThread *thread = NULL;

  if (n >= MIN_THREADED)
    thread = g_thread_try_new ("rl-silhouette", part_run, &parts[1], NULL);
  part_run (&parts[0]);
  if (thread != NULL)
    g_thread_join (thread);
  else
    part_run (&parts[1]);
}

/* Sums of distances S (n × k), combined from the two halves. */
static double *
distance_sums (const gsl_matrix *X,
               const guint      *labels,
               guint             k,
               GCancellable     *cancellable,
               GError          **error)
{
  guint n = X->size1;
  g_autofree guint *sorted_labels = g_new (guint, n);
  g_autofree guint *order = g_new (guint, n);
  g_autofree guint *start = g_new (guint, k + 1);
  g_autofree double *XT = sorted_transpose (X, labels, k, sorted_labels, order, start);
  Part parts[N_PARTS];
  double *S = g_new0 (double, (gsize) n * k);

  for (guint h = 0; h < N_PARTS; h++)
    {
      parts[h] = (Part) { XT, sorted_labels, start, n, X->size2, k, 0, 0, NULL, NULL, NULL,
                          cancellable };
      parts[h].first = h == 0 ? 0 : split_point (n);
      parts[h].last = h == 0 ? split_point (n) : n;
      parts[h].own = g_new0 (double, (gsize) n * k);
      parts[h].other = g_new0 (double, (gsize) n * k);
      parts[h].xi = g_new (double, X->size2);
    }
  run_parts (parts, n);
  for (guint h = 0; h < N_PARTS; h++)
    {
      for (guint p = 0; p < n; p++)
        for (guint c = 0; c < k; c++)
          S[(gsize) order[p] * k + c] += parts[h].own[(gsize) p * k + c]
                                         + parts[h].other[(gsize) c * n + p];
      g_free (parts[h].own);
      g_free (parts[h].other);
      g_free (parts[h].xi);
    }
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_set_error_literal (error, RL_ERROR, RL_ERROR_CANCELLED, "Silhouette cancelled");
      g_clear_pointer (&S, g_free);
    }
  return S;
}

guint
rl_validity_n_clusters (const guint *labels,
                        gsize        n,
                        guint        k)
{
  g_autofree gboolean *seen = g_new0 (gboolean, MAX (k, 1));
  guint m = 0;

  for (gsize i = 0; i < n; i++)
    if (labels[i] < k && !seen[labels[i]])
      {
        seen[labels[i]] = TRUE;
        m++;
      }
  return m;
}

gboolean
rl_silhouette (const gsl_matrix *X,
               const guint      *labels,
               guint             k,
               double           *mean,
               double           *samples,
               GCancellable     *cancellable,
               GError          **error)
{
  g_autofree double *S = NULL;
  g_autofree guint *count = NULL;
  double total = 0.0;
  gsize n;

  if (!check_partition (X, labels, k, "Silhouette", error))
    return FALSE;
  n = X->size1;
  if ((gsize) N_PARTS * n * k > MAX_ACC)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "Silhouette of %" G_GSIZE_FORMAT " rows in %u clusters needs too much memory; "
                   "use fewer clusters", n, k);
      return FALSE;
    }
  S = distance_sums (X, labels, k, cancellable, error);
  if (S == NULL)
    return FALSE;
  count = g_new0 (guint, k);
  for (gsize i = 0; i < n; i++)
    count[labels[i]]++;
  for (gsize i = 0; i < n; i++)
    {
      double s = silhouette_of_row (S + i * k, count, k, labels[i]);

      if (samples != NULL)
        samples[i] = s;
      total += s;
    }
  *mean = total / n;
  return TRUE;
}

/* Cluster sizes (in *@count, k entries) and centroids (k × d). */
static gsl_matrix *
centroids (const gsl_matrix *X,
           const guint      *labels,
           guint             k,
           guint           **count)
{
  gsl_matrix *C = gsl_matrix_calloc (k, X->size2);

  *count = g_new0 (guint, k);
  for (gsize i = 0; i < X->size1; i++)
    {
      gsl_vector_const_view x = gsl_matrix_const_row (X, i);
      gsl_vector_view c = gsl_matrix_row (C, labels[i]);

      gsl_vector_add (&c.vector, &x.vector);
      (*count)[labels[i]]++;
    }
  for (guint c = 0; c < k; c++)
    if ((*count)[c] > 0)
      {
        gsl_vector_view row = gsl_matrix_row (C, c);
        gsl_vector_scale (&row.vector, 1.0 / (*count)[c]);
      }
  return C;
}

static double
row_distance (const gsl_matrix *A,
              gsize             a,
              const gsl_matrix *B,
              gsize             b)
{
  return sqrt (rl_distance2 (gsl_matrix_const_ptr (A, a, 0), gsl_matrix_const_ptr (B, b, 0),
                             A->size2));
}

/* @m of the @n rows, drawn without replacement (the first @m steps of a
 * Fisher–Yates shuffle), in increasing order. */
static guint *
draw_sample (gsize   n,
             guint   m,
             guint64 seed)
{
  g_autoptr(gsl_rng) rng = rl_rng_new (seed);
  guint *index = g_new (guint, n);

  for (gsize i = 0; i < n; i++)
    index[i] = (guint) i;
  for (guint i = 0; i < m; i++)
    {
      gsize j = i + gsl_rng_uniform_int (rng, n - i);
      guint t = index[i];

      index[i] = index[j];
      index[j] = t;
    }
  qsort (index, m, sizeof (guint), compare_uint);
  return index;
}

gboolean
rl_silhouette_sampled (const gsl_matrix *X,
                       const guint      *labels,
                       guint             k,
                       guint             max_exact,
                       guint64           seed,
                       double           *mean,
                       guint            *n_sample,
                       GCancellable     *cancellable,
                       GError          **error)
{
  g_autoptr(gsl_matrix) Xs = NULL;
  g_autofree guint *ls = NULL, *rows = NULL;

  *n_sample = 0;
  if (!rl_check_matrix (X, 1, "Silhouette", error)
      || !rl_check_labels (labels, X->size1, k, "Silhouette", error))
    return FALSE;
  if (max_exact < 3 || X->size1 <= max_exact)
    return rl_silhouette (X, labels, k, mean, NULL, cancellable, error);
  rows = draw_sample (X->size1, max_exact, seed);
  Xs = gsl_matrix_alloc (max_exact, X->size2);
  ls = g_new (guint, max_exact);
  for (guint i = 0; i < max_exact; i++)
    {
      gsl_vector_const_view row = gsl_matrix_const_row (X, rows[i]);

      gsl_matrix_set_row (Xs, i, &row.vector);
      ls[i] = labels[rows[i]];
    }
  if (!rl_silhouette (Xs, ls, k, mean, NULL, cancellable, error))
    return FALSE;
  *n_sample = max_exact;
  return TRUE;
}

gboolean
rl_calinski_harabasz (const gsl_matrix *X,
                      const guint      *labels,
                      guint             k,
                      double           *score,
                      GError          **error)
{
  g_autofree guint *count = NULL;
  g_autoptr(gsl_matrix) C = NULL;
  g_autoptr(gsl_matrix) mean = NULL;
  double extra = 0.0, intra = 0.0;
  gsize n;
  guint m;

  if (!check_partition (X, labels, k, "Calinski–Harabasz index", error))
    return FALSE;
  n = X->size1;
  m = rl_validity_n_clusters (labels, n, k);
  C = centroids (X, labels, k, &count);
  mean = gsl_matrix_calloc (1, X->size2);
  for (gsize i = 0; i < n; i++)
    {
      gsl_vector_const_view x = gsl_matrix_const_row (X, i);
      gsl_vector_view mu = gsl_matrix_row (mean, 0);
      gsl_vector_add (&mu.vector, &x.vector);
    }
  gsl_matrix_scale (mean, 1.0 / n);
  for (guint c = 0; c < k; c++)
    extra += count[c] * gsl_pow_2 (row_distance (C, c, mean, 0));
  for (gsize i = 0; i < n; i++)
    intra += gsl_pow_2 (row_distance (X, i, C, labels[i]));
  *score = intra == 0.0 ? 1.0 : extra * (n - m) / (intra * (m - 1.0));
  return TRUE;
}

/* scikit-learn returns 0 when all spreads or all centroid distances are
 * within 1e-8 of 0 (numpy's allclose). */
static gboolean
davies_bouldin_degenerate (const gsl_matrix *C,
                           const guint      *count,
                           const double     *spread)
{
  gboolean spread_zero = TRUE, centres_zero = TRUE;

  for (guint c = 0; c < C->size1; c++)
    if (count[c] > 0)
      {
        spread_zero &= spread[c] <= 1e-8;
        for (guint e = 0; e < C->size1; e++)
          if (count[e] > 0 && e != c)
            centres_zero &= row_distance (C, c, C, e) <= 1e-8;
      }
  return spread_zero || centres_zero;
}

gboolean
rl_davies_bouldin (const gsl_matrix *X,
                   const guint      *labels,
                   guint             k,
                   double           *score,
                   GError          **error)
{
  g_autofree guint *count = NULL;
  g_autoptr(gsl_matrix) C = NULL;
  g_autofree double *spread = NULL;
  double total = 0.0;

  if (!check_partition (X, labels, k, "Davies–Bouldin index", error))
    return FALSE;
  C = centroids (X, labels, k, &count);
  spread = g_new0 (double, k);
  for (gsize i = 0; i < X->size1; i++)
    spread[labels[i]] += row_distance (X, i, C, labels[i]);
  for (guint c = 0; c < k; c++)
    spread[c] = count[c] > 0 ? spread[c] / count[c] : 0.0;
  *score = 0.0;
  if (davies_bouldin_degenerate (C, count, spread))
    return TRUE;
  for (guint c = 0; c < k; c++)
    {
      double worst = 0.0;

      for (guint e = 0; e < k && count[c] > 0; e++)
        {
          double dist = e != c && count[e] > 0 ? row_distance (C, c, C, e) : 0.0;

          if (dist > 0)
            worst = MAX (worst, (spread[c] + spread[e]) / dist);
        }
      total += worst;
    }
  *score = total / rl_validity_n_clusters (labels, X->size1, k);
  return TRUE;
}

void
rl_growth_ratio (const double *f,
                 gsize         len,
                 double       *ratio)
{
  for (gsize i = 0; i < len; i++)
    ratio[i] = i + 1 < len && f[i] != 0.0 ? f[i + 1] / f[i] : NAN;
}
