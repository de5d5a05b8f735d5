/* rl-hclust-ward.c — Ward linkage from the centroids of the clusters
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-hclust-private.h"

#include <math.h>
#include <string.h>

#include "rl-alloc-private.h"
#include "rl-lanes-private.h"

/* Ward's distance between clusters A and B is
 *
 *   d(A, B)² = 2 |A| |B| / (|A| + |B|) · ‖c_A − c_B‖²,
 *
 * c the centroids: the value SciPy's Lance–Williams recurrence on the
 * pairwise distances reaches, without the n × n matrix (3.2 GB for 20 000
 * rows, whose first touch alone costs seconds on a virtual machine). The
 * nearest-neighbour chain asks for the nearest cluster of the one on top of
 * the chain; here that is a scan over the centroids, O(n d) per question
 * and O(n² d) in all, on a working set of n × d values.
 *
 * The value is symmetric bit for bit ((a − b)² = (b − a)², the size factor
 * is a product of integers), so the chain sees the same distance both ways
 * and ends, as SciPy's does, at reciprocal nearest neighbours. Clusters are
 * kept in the order of their slots (the smaller slot merges into the larger
 * one, as in SciPy's chain), and a scan keeps the first of equal candidates.
 * The heights agree with SciPy's to rounding; where the data holds exact
 * ties (points on a grid), SciPy's recurrence breaks them by its rounding
 * and the two trees may differ, which is why smaller inputs take the matrix
 * path (RL_WARD_MATRIX_MAX). */

/* Active clusters in slot order, two lanes wide: centroid column j of entry
 * e at ct[j · cap + e]. Removed entries keep their place (size NaN, so no
 * comparison chooses them) until a compaction. */
typedef struct
{
  gsize    d;
  guint    cap;       /* entries allocated, even */
  guint    len;       /* entries in use, removed ones included */
  guint    n_removed;
  guint   *slot;      /* len: the slot of every entry, increasing */
  double  *size;      /* cap: cluster size, NaN once removed */
  double  *ct;        /* d × cap */
  guint   *entry;     /* n: the entry of every slot */
} Centroids;

static void
centroids_init (Centroids        *C,
                const gsl_matrix *X)
{
  guint n = X->size1;

  C->d = X->size2;
  C->cap = (n + 1) / 2 * 2;
  C->len = n;
  C->n_removed = 0;
  C->slot = g_new (guint, n);
  C->entry = g_new (guint, n);
  C->size = rl_big_new (double, C->cap);
  C->ct = rl_big_new (double, C->d * C->cap);
  for (guint i = 0; i < n; i++)
    {
      C->slot[i] = i;
      C->entry[i] = i;
      C->size[i] = 1.0;
      for (gsize j = 0; j < C->d; j++)
        C->ct[j * C->cap + i] = gsl_matrix_get (X, i, j);
    }
  /* the padding entry of an odd n never wins */
  for (guint e = n; e < C->cap; e++)
    {
      C->size[e] = NAN;
      for (gsize j = 0; j < C->d; j++)
        C->ct[j * C->cap + e] = 0.0;
    }
}

static void
centroids_clear (Centroids *C)
{
  g_free (C->slot);
  g_free (C->entry);
  g_free (C->size);
  g_free (C->ct);
}

/* Squared Ward distance between entries @a and @b, as the scan computes it. */
static double
ward2 (const Centroids *C,
       guint            a,
       guint            b)
{
  double s = 0.0, na = C->size[a], nb = C->size[b];

  for (gsize j = 0; j < C->d; j++)
    {
      double t = C->ct[j * C->cap + b] - C->ct[j * C->cap + a];
      s += t * t;
    }
  return 2.0 * na * nb / (na + nb) * s;
}

/* The nearest entry to @x, starting from candidate @y at squared distance
 * *@best (kept on ties; G_MAXUINT for none). Each lane computes what
 * ward2() computes. */
static guint
nearest (const Centroids *C,
         guint            x,
         guint            y,
         double          *best)
{
  gsize d = C->d;
  double min = *best, nx = C->size[x];
  V2 two_nx = { 2.0 * nx, 2.0 * nx }, vnx = { nx, nx };
  double cx[64];
  const double *px = cx;
  g_autofree double *heap = NULL;

  if (d <= G_N_ELEMENTS (cx))
    for (gsize j = 0; j < d; j++)
      cx[j] = C->ct[j * C->cap + x];
  else
    {
      heap = g_new (double, d);
      for (gsize j = 0; j < d; j++)
        heap[j] = C->ct[j * C->cap + x];
      px = heap;
    }

  for (guint e = 0; e < C->len; e += 2)
    {
      V2 s = { 0.0, 0.0 }, ne = v2_load (C->size + e), w;

      for (gsize j = 0; j < d; j++)
        {
          V2 xj = { px[j], px[j] }, t = v2_load (C->ct + j * C->cap + e) - xj;
          s += t * t;
        }
      w = two_nx * ne / (vnx + ne) * s;
      if (G_UNLIKELY (w[0] < min) && e != x)
        {
          min = w[0];
          y = e;
        }
      if (G_UNLIKELY (w[1] < min) && e + 1 != x)
        {
          min = w[1];
          y = e + 1;
        }
    }
  *best = min;
  return y;
}

/* Drops the removed entries, keeping the order of the others. */
static void
compact (Centroids *C)
{
  guint to = 0;

  for (guint e = 0; e < C->len; e++)
    {
      if (isnan (C->size[e]))
        continue;
      if (to != e)
        {
          C->slot[to] = C->slot[e];
          C->size[to] = C->size[e];
          for (gsize j = 0; j < C->d; j++)
            C->ct[j * C->cap + to] = C->ct[j * C->cap + e];
        }
      C->entry[C->slot[to]] = to;
      to++;
    }
  for (guint e = to; e < C->len; e++)
    C->size[e] = NAN;
  C->len = (to + 1) / 2 * 2;
  if (C->len > to)
    for (gsize j = 0; j < C->d; j++)
      C->ct[j * C->cap + to] = 0.0;
  C->n_removed = C->len - to;
}

/* Merges entry @x into entry @y: the centroid of the union, x removed. */
static void
merge (Centroids *C,
       guint      x,
       guint      y)
{
  double nx = C->size[x], ny = C->size[y], n = nx + ny;

  for (gsize j = 0; j < C->d; j++)
    {
      double *cy = C->ct + j * C->cap + y;
      *cy = (nx * C->ct[j * C->cap + x] + ny * *cy) / n;
    }
  C->size[y] = n;
  C->size[x] = NAN;
  if (++C->n_removed > C->len / 8 && C->len > 64)
    compact (C);
}

gsl_matrix *
rl_hclust_ward_merges (const gsl_matrix *X,
                       GCancellable     *cancellable,
                       GError          **error)
{
  guint n = X->size1, len = 0;
  g_autofree guint *stack = g_new (guint, n);   /* slots */
  g_autoptr(gsl_matrix) Z = gsl_matrix_alloc (n - 1, 4);
  Centroids C;

  centroids_init (&C, X);
  for (guint step = 0; step < n - 1; step++)
    {
      guint x, y = G_MAXUINT, ex, ey;
      double best = INFINITY;

      if (step % RL_HCLUST_CANCEL_EVERY == 0 && rl_hclust_cancelled (cancellable, error))
        {
          centroids_clear (&C);
          return NULL;
        }
      if (len == 0)
        {
          guint e = 0;
          while (isnan (C.size[e]))
            e++;
          stack[len++] = C.slot[e];
        }
      for (;;)
        {
          x = stack[len - 1];
          ex = C.entry[x];
          best = INFINITY;
          ey = G_MAXUINT;
          if (len > 1)
            {
              ey = C.entry[stack[len - 2]];
              best = ward2 (&C, ex, ey);
            }
          ey = nearest (&C, ex, ey, &best);
          y = C.slot[ey];
          if (len > 1 && y == stack[len - 2])
            break;
          stack[len++] = y;
        }
      len -= 2;
      rl_hclust_record_merge (Z, step, &x, &y, sqrt (best));
      merge (&C, C.entry[x], C.entry[y]);
    }
  centroids_clear (&C);
  return g_steal_pointer (&Z);
}
