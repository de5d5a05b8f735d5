/* rl-kmeans-lloyd.c — Lloyd iterations with Hamerly's bounds, and Hartigan's moves
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-kmeans-private.h"

#include <math.h>
#include <string.h>

/* Lloyd's iterations are accelerated with Hamerly's bounds: for every row an
 * upper bound on the distance to its own centre and a lower bound on the
 * distance to every other centre; a row whose upper bound is below both the
 * lower bound and half the gap from its centre to the nearest other centre
 * cannot change cluster and is skipped. The labels are those plain Lloyd
 * iterations would give. */

/* Hartigan passes after Lloyd; more rarely pay for themselves on large data. */
#define HARTIGAN_MAX_PASSES 10

/* Nearest centre of row @x, its squared distance and the second smallest one. */
static guint
nearest (const double *x,
         const double *centers,
         gsize         d,
         guint         k,
         double       *d1,
         double       *d2)
{
  double b1 = INFINITY, b2 = INFINITY, dd[64];
  guint a = 0;

  for (guint c0 = 0; c0 < k; c0 += 64)
    {
      guint m = MIN (64, k - c0);
      rl_dist2_many (x, centers + c0 * d, m, d, dd);
      for (guint c = c0; c < c0 + m; c++)
        {
          double t = dd[c - c0];
          if (t < b1)
            {
              b2 = b1;
              b1 = t;
              a = c;
            }
          else if (t < b2)
            b2 = t;
        }
    }
  *d1 = b1;
  *d2 = b2;
  return a;
}

static inline void
move_row (const RlKmData *D,
          RlKmWork       *w,
          gsize           i,
          guint           to)
{
  const double *x = D->x + i * D->d;
  double *from_sum = w->sums + w->labels[i] * D->d, *to_sum = w->sums + to * D->d;

  for (gsize j = 0; j < D->d; j++)
    {
      from_sum[j] -= x[j];
      to_sum[j] += x[j];
    }
  w->counts[w->labels[i]]--;
  w->counts[to]++;
  w->labels[i] = to;
}

/* Assigns every row to its nearest centre, resets the bounds and the sums.
 * Returns how many labels changed. */
static gsize
assign_full (const RlKmData *D,
             RlKmWork       *w)
{
  gsize d = D->d, changed = 0;

  memset (w->sums, 0, D->k * d * sizeof (double));
  memset (w->counts, 0, D->k * sizeof (guint));
  for (gsize i = 0; i < D->n; i++)
    {
      const double *x = D->x + i * d;
      double d1, d2;
      guint a = nearest (x, w->centers, d, D->k, &d1, &d2);

      changed += a != w->labels[i];
      w->labels[i] = a;
      w->upper[i] = sqrt (d1);
      w->lower[i] = sqrt (d2);
      w->counts[a]++;
      for (gsize j = 0; j < d; j++)
        w->sums[a * d + j] += x[j];
    }
  return changed;
}

static void
update_half_gaps (const RlKmData *D,
                  RlKmWork       *w)
{
  for (guint c = 0; c < D->k; c++)
    w->half_gap[c] = INFINITY;
  for (guint c = 0; c < D->k; c++)
    for (guint e = c + 1; e < D->k; e++)
      {
        double g = 0.5 * sqrt (rl_dist2 (w->centers + c * D->d, w->centers + e * D->d, D->d));
        w->half_gap[c] = MIN (w->half_gap[c], g);
        w->half_gap[e] = MIN (w->half_gap[e], g);
      }
}

/* Assignment step with Hamerly's bounds, after the centres moved by
 * w->shift. Keeps sums and counts up to date; returns how many labels changed. */
static gsize
assign_bounded (const RlKmData *D,
                RlKmWork       *w)
{
  gsize d = D->d, changed = 0;
  double p1 = 0.0, p2 = 0.0;
  guint a1 = 0;

  for (guint c = 0; c < D->k; c++)
    {
      if (w->shift[c] > p1)
        {
          p2 = p1;
          p1 = w->shift[c];
          a1 = c;
        }
      else if (w->shift[c] > p2)
        p2 = w->shift[c];
    }
  update_half_gaps (D, w);
  for (gsize i = 0; i < D->n; i++)
    {
      const double *x = D->x + i * d;
      guint a = w->labels[i], b;
      double m, d1, d2;

      w->upper[i] += w->shift[a];
      w->lower[i] -= a == a1 ? p2 : p1;
      m = MAX (w->half_gap[a], w->lower[i]);
      if (w->upper[i] <= m)
        continue;
      w->upper[i] = sqrt (rl_dist2 (x, w->centers + a * d, d));
      if (w->upper[i] <= m)
        continue;
      b = nearest (x, w->centers, d, D->k, &d1, &d2);
      w->upper[i] = sqrt (d1);
      w->lower[i] = sqrt (d2);
      if (b != a)
        {
          move_row (D, w, i, b);
          changed++;
        }
    }
  return changed;
}

/* Gives every empty cluster the row farthest from its centre, taken from a
 * cluster with more than one member. Returns whether any row moved. */
static gboolean
relocate_empty (const RlKmData *D,
                RlKmWork       *w)
{
  gsize d = D->d;
  gboolean any = FALSE;

  for (guint c = 0; c < D->k; c++)
    {
      double far = -1.0;
      gsize best = 0;

      if (w->counts[c] > 0)
        continue;
      for (gsize i = 0; i < D->n; i++)
        {
          double t;
          if (w->counts[w->labels[i]] < 2)
            continue;
          t = rl_dist2 (D->x + i * d, w->centers + w->labels[i] * d, d);
          if (t > far)
            {
              far = t;
              best = i;
            }
        }
      if (far < 0.0)
        continue;
      move_row (D, w, best, c);
      any = TRUE;
    }
  return any;
}

/* Moves the centres to the means of their members; returns Σ‖Δcentre‖². */
static double
update_centers (const RlKmData *D,
                RlKmWork       *w)
{
  gsize d = D->d;
  double total = 0.0;

  memcpy (w->old, w->centers, D->k * d * sizeof (double));
  for (guint c = 0; c < D->k; c++)
    {
      w->shift[c] = 0.0;
      if (w->counts[c] == 0)
        continue;
      for (gsize j = 0; j < d; j++)
        w->centers[c * d + j] = w->sums[c * d + j] / w->counts[c];
      w->shift[c] = sqrt (rl_dist2 (w->centers + c * d, w->old + c * d, d));
      total += w->shift[c] * w->shift[c];
    }
  return total;
}

/* Lloyd iterations from w->centers. Returns FALSE when cancelled. */
gboolean
rl_kmeans_lloyd_run (const RlKmData *D,
                     RlKmWork       *w,
                     guint           max_iter,
                     GCancellable   *cancellable,
                     guint          *n_iter,
                     gboolean       *converged)
{
  guint it = 0;

  for (gsize i = 0; i < D->n; i++)
    w->labels[i] = G_MAXUINT;
  assign_full (D, w);
  *converged = FALSE;
  while (it < max_iter)
    {
      gboolean relocated;
      double shift2;
      gsize changed;

      if (g_cancellable_is_cancelled (cancellable))
        return FALSE;
      relocated = relocate_empty (D, w);
      shift2 = update_centers (D, w);
      it++;
      if (relocated)
        changed = assign_full (D, w) + 1;
      else
        changed = assign_bounded (D, w);
      if (changed == 0 || shift2 <= D->tol_abs)
        {
          *converged = TRUE;
          break;
        }
    }
  *n_iter = it;
  return TRUE;
}

static void
center_of (const RlKmData *D,
           RlKmWork       *w,
           guint           c)
{
  for (gsize j = 0; j < D->d; j++)
    w->centers[c * D->d + j] = w->sums[c * D->d + j] / w->counts[c];
}

/* The best cluster for row @i by Hartigan's criterion: the change in inertia
 * of moving a row to cluster c is n_c/(n_c+1)·‖x − c‖² − n_a/(n_a−1)·‖x − a‖².
 * Also tightens the row's bounds against the reference centres, which are
 * w->shift away from the current ones. */
static guint
hartigan_target (const RlKmData *D,
                 RlKmWork       *w,
                 gsize           i)
{
  const double *x = D->x + i * D->d;
  guint a = w->labels[i], best = a;
  double na = w->counts[a], da, cost_a, best_gain = 0.0, lo = INFINITY;

  da = rl_dist2 (x, w->centers + a * D->d, D->d);
  cost_a = da * na / (na - 1.0);
  for (guint c = 0; c < D->k; c++)
    {
      double nc = w->counts[c], dc, gain;
      if (c == a)
        continue;
      dc = rl_dist2 (x, w->centers + c * D->d, D->d);
      lo = MIN (lo, sqrt (dc) - w->shift[c]);
      gain = cost_a - dc * nc / (nc + 1.0);
      if (gain > best_gain && gain > 1e-12 * cost_a)
        {
          best_gain = gain;
          best = c;
        }
    }
  w->upper[i] = sqrt (da) + w->shift[a];
  w->lower[i] = lo;
  return best;
}

/* During Hartigan's moves the bounds w->upper, w->lower keep referring to
 * the centres Lloyd ended with (saved in w->old); w->shift holds how far each
 * centre has drifted from there since. */
typedef struct
{
  double max_drift;
  guint  n_min;     /* smallest cluster */
} HartState;

static void
update_drift (const RlKmData *D,
              RlKmWork       *w,
              HartState      *st)
{
  st->max_drift = 0.0;
  st->n_min = G_MAXUINT;
  for (guint c = 0; c < D->k; c++)
    {
      st->max_drift = MAX (st->max_drift, w->shift[c]);
      st->n_min = MIN (st->n_min, w->counts[c]);
    }
}

static void
set_drift (const RlKmData *D,
           RlKmWork       *w,
           guint           c)
{
  center_of (D, w, c);
  w->shift[c] = sqrt (rl_dist2 (w->centers + c * D->d, w->old + c * D->d, D->d));
}

/* Whether the bounds prove that no Hartigan move can pay off for row @i:
 * with U ≥ ‖x − a‖ and L ≤ ‖x − c‖ for every other centre c, a move needs
 * n_c/(n_c+1)·L² < n_a/(n_a−1)·U². */
static gboolean
hartigan_cannot_move (const RlKmData  *D,
                      const RlKmWork  *w,
                      const HartState *st,
                      gsize            i)
{
  guint a = w->labels[i];
  double na = w->counts[a], up = w->upper[i] + w->shift[a], lo = w->lower[i] - st->max_drift;

  if (lo <= 0.0)
    return FALSE;
  return st->n_min / (st->n_min + 1.0) * lo * lo > na / (na - 1.0) * up * up * (1.0 + 1e-9);
}

/* Exact bounds of row @i against the reference centres after it moved. */
static void
rebound_row (const RlKmData *D,
             RlKmWork       *w,
             gsize           i)
{
  const double *x = D->x + i * D->d;

  w->lower[i] = INFINITY;
  for (guint c = 0; c < D->k; c++)
    {
      double t = sqrt (rl_dist2 (x, w->old + c * D->d, D->d));
      if (c == w->labels[i])
        w->upper[i] = t;
      else
        w->lower[i] = MIN (w->lower[i], t);
    }
}

/* Hartigan's single-row moves after Lloyd has converged: every move lowers
 * the inertia, and the end point is also a fixed point of Lloyd's method.
 * Rows the bounds rule out are skipped. Returns the number of passes over
 * the rows, or 0 when cancelled. */
guint
rl_kmeans_hartigan_run (const RlKmData *D,
                        RlKmWork       *w,
                        GCancellable   *cancellable)
{
  HartState st;
  guint pass = 0;
  gsize moved = 1;

  memcpy (w->old, w->centers, D->k * D->d * sizeof (double));
  for (guint c = 0; c < D->k; c++)
    if (w->counts[c] > 0)
      set_drift (D, w, c);
  update_drift (D, w, &st);
  while (moved > 0 && pass < HARTIGAN_MAX_PASSES)
    {
      if (g_cancellable_is_cancelled (cancellable))
        return 0;
      moved = 0;
      pass++;
      for (gsize i = 0; i < D->n; i++)
        {
          guint a = w->labels[i], b;
          if (w->counts[a] < 2 || hartigan_cannot_move (D, w, &st, i)
              || (b = hartigan_target (D, w, i)) == a)
            continue;
          move_row (D, w, i, b);
          set_drift (D, w, a);
          set_drift (D, w, b);
          update_drift (D, w, &st);
          rebound_row (D, w, i);
          moved++;
        }
    }
  return pass;
}

double
rl_kmeans_work_inertia (const RlKmData *D,
                        const RlKmWork *w)
{
  double s = 0.0;

  for (gsize i = 0; i < D->n; i++)
    s += rl_dist2 (D->x + i * D->d, w->centers + w->labels[i] * D->d, D->d);
  return s;
}
