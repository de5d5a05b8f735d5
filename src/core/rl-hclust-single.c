/* rl-hclust-single.c — single linkage: Prim's minimum spanning tree
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-hclust-private.h"

#include <math.h>
#include <string.h>

#include "rl-alloc-private.h"
#include "rl-input-check.h"
#include "rl-lanes-private.h"

/* Prim's minimum spanning tree for single linkage. The points not yet in
 * the tree sit at positions in increasing order, in tiles of PRIM_TILE
 * positions: tile t holds the coordinates of its positions column by
 * column, coordinate j of position p = t PRIM_TILE + i at
 * col[(t d + j) PRIM_TILE + i]. One pass per step thus reads the
 * coordinates in order and computes the distances of two positions at once
 * to the point that joined last, each lane summing over the columns in the
 * order of rl_distance2() (so the same values, bit for bit: c − x is exactly
 * −(x − c), with the same square).
 *
 * dist[p] is the squared distance of position p to the tree; the square
 * root, monotone and correctly rounded, is taken only for the edge chosen,
 * and the root of the smallest square is the smallest of the roots that
 * the scan in roots compared. Points that have joined the tree keep their
 * position with dist NaN, which no comparison selects or lowers, until they
 * are more than a sixteenth of the positions; then the positions are
 * compacted, keeping the order. */
#define PRIM_TILE 8

typedef struct
{
  double *col;    /* ld × d */
  double *dist;   /* ld */
  double *low;    /* ld / PRIM_TILE: the smallest dist of each tile, NaN ones aside
                   * (+∞ when all are NaN) */
  guint  *point;  /* ld: the point at each position */
  V2     *x;      /* d: the coordinates of the point that joined last, in both lanes */
  gsize   ld;     /* a multiple of PRIM_TILE */
  guint   len;    /* positions in use, a multiple of PRIM_TILE */
  guint   dead;   /* of them, those with dist NaN */
  guint   d;
} Prim;

static inline double *
prim_at (const Prim *w,
         guint       p,
         guint       j)
{
  return w->col + ((gsize) (p / PRIM_TILE) * w->d + j) * PRIM_TILE + p % PRIM_TILE;
}

/* Uses the first @len positions and as many more, holding no point, as
 * make the count a multiple of PRIM_TILE. */
static void
prim_pad (Prim *w,
          guint len)
{
  for (; len % PRIM_TILE != 0; len++)
    {
      for (guint j = 0; j < w->d; j++)
        *prim_at (w, len, j) = 0.0;
      w->dist[len] = NAN;
      w->point[len] = G_MAXUINT;
      w->dead++;
    }
  w->len = len;
}

static void
prim_init (Prim             *w,
           const gsl_matrix *X)
{
  guint n = X->size1, d = X->size2;

  w->ld = (n + PRIM_TILE - 1) / PRIM_TILE * PRIM_TILE;
  w->d = d;
  w->col = rl_big_new (double, w->ld * d);
  w->dist = rl_big_new (double, w->ld);
  w->low = g_new (double, w->ld / PRIM_TILE);
  w->point = rl_big_new (guint, w->ld);
  w->x = g_new (V2, d);
  for (guint p = 0; p < n; p++)
    {
      const double *row = gsl_matrix_const_ptr (X, p, 0);

      for (guint j = 0; j < d; j++)
        *prim_at (w, p, j) = row[j];
      w->dist[p] = INFINITY;
      w->point[p] = p;
    }
  w->dead = 0;
  prim_pad (w, n);
  /* point 0 starts the tree */
  w->dist[0] = NAN;
  w->dead++;
}

static void
prim_clear (Prim *w)
{
  g_free (w->col);
  g_free (w->dist);
  g_free (w->low);
  g_free (w->point);
  g_free (w->x);
}

/* Lowers dist[] of the tile starting at position @p to the squared
 * distances to w->x, four pairs of lanes side by side, and sets its low[];
 * returns @best lowered to the new dist[] lane by lane. */
static inline V2
prim_tile (Prim *w,
           guint p,
           V2    best)
{
  V2 low = { INFINITY, INFINITY };
  const double *c = w->col + (gsize) p * w->d;
  double *dist = w->dist + p;
  V2 s0 = { 0.0, 0.0 }, s1 = s0, s2 = s0, s3 = s0, t0, t1, t2, t3;

  G_STATIC_ASSERT (PRIM_TILE == 8);
  for (guint j = 0; j < w->d; j++, c += PRIM_TILE)
    {
      V2 x = w->x[j];

      t0 = v2_load (c) - x;
      t1 = v2_load (c + 2) - x;
      t2 = v2_load (c + 4) - x;
      t3 = v2_load (c + 6) - x;
      s0 += t0 * t0;
      s1 += t1 * t1;
      s2 += t2 * t2;
      s3 += t3 * t3;
    }
  /* a NaN dist stays NaN */
  s0 = v2_min (s0, v2_load (dist));
  s1 = v2_min (s1, v2_load (dist + 2));
  s2 = v2_min (s2, v2_load (dist + 4));
  s3 = v2_min (s3, v2_load (dist + 6));
  memcpy (dist, &s0, sizeof s0);
  memcpy (dist + 2, &s1, sizeof s1);
  memcpy (dist + 4, &s2, sizeof s2);
  memcpy (dist + 6, &s3, sizeof s3);
  /* NaN lanes first: v2_min() then keeps the other operand */
  low = v2_min (s0, low);
  low = v2_min (s1, low);
  low = v2_min (s2, low);
  low = v2_min (s3, low);
  w->low[p / PRIM_TILE] = low[0] < low[1] ? low[0] : low[1];
  return v2_min (low, best);
}

/* Lowers dist[] to the squared distances to @px, the point that joined
 * the tree last, and returns the smallest of dist[] (NaN ones aside). */
static double
prim_update (Prim         *w,
             const double *px)
{
  V2 best = { INFINITY, INFINITY };

  for (guint j = 0; j < w->d; j++)
    w->x[j] = (V2) { px[j], px[j] };
  for (guint p = 0; p < w->len; p += PRIM_TILE)
    best = prim_tile (w, p, best);
  return best[0] < best[1] ? best[0] : best[1];
}

/* The first position whose distance has the root of @min, the smallest:
 * the one the scan in roots chose (the first strictly smaller in order).
 * Distinct squares can round to the same root, as 1 and 1 + 2^-52 do; the
 * first of them need not hold the smallest square, so the positions are
 * matched against the largest square with that root, not against @min. The
 * height, sqrt (min), is the same either way. */
static guint
prim_first (const Prim *w,
            double      min)
{
  double root = sqrt (min), top = min;
  guint p = 0;

  /* a few steps: the squares with one root span about two ulps */
  while (top < INFINITY && sqrt (nextafter (top, INFINITY)) == root)
    top = nextafter (top, INFINITY);
  /* the tiles before the first one with a low[] ≤ top hold no candidate */
  while (!(w->low[p / PRIM_TILE] <= top))
    p += PRIM_TILE;
  while (!(w->dist[p] <= top))
    p++;
  return p;
}

/* Drops the positions with dist NaN, keeping the order of the others;
 * position q ≤ p is written only once p has been read. */
static void
prim_compact (Prim *w)
{
  guint len = 0;

  for (guint p = 0; p < w->len; p++)
    {
      if (isnan (w->dist[p]))
        continue;
      for (guint j = 0; j < w->d; j++)
        *prim_at (w, len, j) = *prim_at (w, p, j);
      w->dist[len] = w->dist[p];
      w->point[len] = w->point[p];
      len++;
    }
  w->dead = 0;
  prim_pad (w, len);
}

gsl_matrix *
rl_hclust_single_merges (const gsl_matrix *X,
                         GCancellable     *cancellable,
                         GError          **error)
{
  guint n = X->size1, x = 0;
  g_autoptr(gsl_matrix) Z = gsl_matrix_alloc (n - 1, 4);
  Prim w;

  prim_init (&w, X);
  for (guint step = 0; step < n - 1; step++)
    {
      double min;
      guint p;

      if (step % RL_HCLUST_CANCEL_EVERY == 0 && rl_hclust_cancelled (cancellable, error))
        {
          prim_clear (&w);
          return NULL;
        }
      min = prim_update (&w, gsl_matrix_const_ptr (X, x, 0));
      p = prim_first (&w, min);
      gsl_matrix_set (Z, step, 0, x);
      gsl_matrix_set (Z, step, 1, w.point[p]);
      gsl_matrix_set (Z, step, 2, sqrt (min));
      x = w.point[p];
      w.dist[p] = NAN;
      if (++w.dead > w.len / 16)
        prim_compact (&w);
    }
  prim_clear (&w);
  return g_steal_pointer (&Z);
}
