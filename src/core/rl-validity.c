/* rl-validity.c — cluster validity indices: silhouette, Calinski–Harabasz, Davies–Bouldin
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The silhouette needs, for each row i and cluster c, the sum S[i, c] of the
 * distances from i to the members of c. Each distance is computed once, for
 * the pair i < j, and added to S[i, c(j)] and S[j, c(i)]. The pairs are split
 * into two fixed halves by the first row, each with its own accumulator, and
 * the halves are added in a fixed order at the end, so the result is the
 * same whether one or two threads run them.
 */
#include "rl-validity.h"

#include <math.h>
#include <string.h>
#include <gsl/gsl_math.h>
#include "rl-error.h"
#include "rl-input-check.h"

#define N_PARTS      2
#define MIN_THREADED 1024
#define MAX_ACC      ((gsize) 1 << 27)   /* doubles in the per-half accumulators */
#define LANES        4

typedef double Lanes __attribute__ ((vector_size (LANES * sizeof (double))));

typedef struct
{
  const double *XT;         /* d × n, column-major copy of X */
  const guint  *labels;
  guint         n, d, k;
  guint         first, last; /* rows [first, last) of this half */
  double       *own;         /* n × k: S[i, ·] from pairs (i, j > i) of this half */
  double       *other;       /* k × n: S[j, ·] from pairs (i < j, j) of this half */
  double       *dist;        /* n: distances of one row */
  GCancellable *cancellable;
} Part;

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

/* dist[j] = ‖x_i − x_j‖ for j in [from, n). */
static void
row_distances (const Part *p,
               guint       i,
               guint       from)
{
  guint n = p->n, j = from;

  for (; j + LANES <= n; j += LANES)
    {
      Lanes s = { 0 };

      for (guint t = 0; t < p->d; t++)
        {
          Lanes y, xi = (Lanes) { 0 } + p->XT[(gsize) t * n + i];

          memcpy (&y, p->XT + (gsize) t * n + j, sizeof y);
          y -= xi;
          s += y * y;
        }
      memcpy (p->dist + j, &s, sizeof s);
    }
  for (; j < n; j++)
    {
      double s = 0.0;

      for (guint t = 0; t < p->d; t++)
        {
          double y = p->XT[(gsize) t * n + j] - p->XT[(gsize) t * n + i];
          s += y * y;
        }
      p->dist[j] = s;
    }
  for (j = from; j < n; j++)
    p->dist[j] = sqrt (p->dist[j]);
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
      row_distances (p, i, i + 1);
      for (guint j = i + 1; j < p->n; j++)
        {
          own[p->labels[j]] += p->dist[j];
          other[j] += p->dist[j];
        }
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

static double *
transpose (const gsl_matrix *X)
{
  gsize n = X->size1, d = X->size2;
  double *XT = g_new (double, MAX (n * d, 1));

  for (gsize i = 0; i < n; i++)
    for (gsize t = 0; t < d; t++)
      XT[t * n + i] = gsl_matrix_get (X, i, t);
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
  g_autofree double *XT = transpose (X);
  Part parts[N_PARTS];
  double *S = g_new0 (double, (gsize) n * k);

  for (guint h = 0; h < N_PARTS; h++)
    {
      parts[h] = (Part) { XT, labels, n, X->size2, k, 0, 0, NULL, NULL, NULL, cancellable };
      parts[h].first = h == 0 ? 0 : split_point (n);
      parts[h].last = h == 0 ? split_point (n) : n;
      parts[h].own = h == 0 ? S : g_new0 (double, (gsize) n * k);
      parts[h].other = g_new0 (double, (gsize) n * k);
      parts[h].dist = g_new (double, n);
    }
  run_parts (parts, n);
  for (guint h = 0; h < N_PARTS; h++)
    {
      for (guint i = 0; i < n; i++)
        for (guint c = 0; c < k; c++)
          S[(gsize) i * k + c] += (h > 0 ? parts[h].own[(gsize) i * k + c] : 0.0)
                                  + parts[h].other[(gsize) c * n + i];
      if (h > 0)
        g_free (parts[h].own);
      g_free (parts[h].other);
      g_free (parts[h].dist);
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
