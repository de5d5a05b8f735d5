/* rl-kmeans.c — k-means: greedy k-means++ seeding, restarts, Lloyd iterations
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-kmeans.h"

#include <math.h>
#include <string.h>

#include "rl-error.h"
#include "rl-kmeans-private.h"
#include "rl-rng.h"

/* Lloyd's iterations are accelerated with Hamerly's bounds: for every row an
 * upper bound on the distance to its own centre and a lower bound on the
 * distance to every other centre; a row whose upper bound is below both the
 * lower bound and half the gap from its centre to the nearest other centre
 * cannot change cluster and is skipped. The labels are those plain Lloyd
 * iterations would give. */

#define MAX_TRIALS 32

/* Hartigan passes after Lloyd; more rarely pay for themselves on large data. */
#define HARTIGAN_MAX_PASSES 10

/* The rows of X as one contiguous row-major block. */
typedef struct
{
  const double *x;
  double       *copy;      /* owned when X was not contiguous */
  gsize         n, d;
  guint         k;
  double        tol_abs;   /* tol · mean column variance */
} KmData;

/* Caller-owned workspace of one restart at a time. */
typedef struct
{
  double *centers;   /* k × d */
  double *old;       /* k × d, the centres before the update */
  double *sums;      /* k × d, Σ of the member rows */
  guint  *counts;    /* k */
  double *shift;     /* k, how far each centre moved */
  double *half_gap;  /* k, half the distance to the nearest other centre */
  guint  *labels;    /* n */
  double *upper;     /* n, ≥ distance to the own centre */
  double *lower;     /* n, ≤ distance to any other centre */
  double *cumsum;    /* n, k-means++ sampling */
} KmWork;

typedef struct
{
  const KmData *data;
  guint         n_init, max_iter;
  guint64       seed;
  gboolean      hartigan;
  GCancellable *cancellable;
  gint          next;      /* next restart to run (atomic) */
  gint          done;      /* restarts finished (atomic) */
} KmJob;

/* One thread's share of the restarts and the best of them. */
typedef struct
{
  KmJob         *job;
  KmWork         work;
  double         inertia;
  guint          index, n_iter;
  gboolean       converged;
  gboolean       cancelled;
  double        *centers;
  guint         *labels;
  RlProgressFunc progress;
  gpointer       user_data;
} KmWorker;

static inline double
dist2 (const double *a,
       const double *b,
       gsize         d)
{
  double s = 0.0;

  for (gsize j = 0; j < d; j++)
    {
      double t = a[j] - b[j];
      s += t * t;
    }
  return s;
}

static void
km_data_init (KmData           *data,
              const gsl_matrix *X,
              guint             k,
              double            tol)
{
  gsize n = X->size1, d = X->size2;
  g_autofree double *mean = NULL, *ss = NULL;
  double var_sum = 0.0;

  data->n = n;
  data->d = d;
  data->k = k;
  data->copy = NULL;
  if (X->tda == d)
    data->x = X->data;
  else
    {
      data->copy = g_new (double, n * d);
      for (gsize i = 0; i < n; i++)
        memcpy (data->copy + i * d, gsl_matrix_const_ptr (X, i, 0), d * sizeof (double));
      data->x = data->copy;
    }
  mean = g_new0 (double, d);
  ss = g_new0 (double, d);
  for (gsize i = 0; i < n; i++)
    for (gsize j = 0; j < d; j++)
      mean[j] += data->x[i * d + j];
  for (gsize j = 0; j < d; j++)
    mean[j] /= n;
  for (gsize i = 0; i < n; i++)
    for (gsize j = 0; j < d; j++)
      ss[j] += (data->x[i * d + j] - mean[j]) * (data->x[i * d + j] - mean[j]);
  for (gsize j = 0; j < d; j++)
    var_sum += ss[j] / n;
  data->tol_abs = tol * var_sum / d;
}

static void
km_data_clear (KmData *data)
{
  g_clear_pointer (&data->copy, g_free);
}

static void
km_work_init (KmWork *w,
              gsize   n,
              gsize   d,
              guint   k)
{
  w->centers = g_new0 (double, k * d);
  w->old = g_new0 (double, k * d);
  w->sums = g_new0 (double, k * d);
  w->counts = g_new0 (guint, k);
  w->shift = g_new0 (double, k);
  w->half_gap = g_new0 (double, k);
  w->labels = g_new0 (guint, n);
  w->upper = g_new0 (double, n);
  w->lower = g_new0 (double, n);
  w->cumsum = g_new0 (double, n);
}

static void
km_work_clear (KmWork *w)
{
  g_free (w->centers);
  g_free (w->old);
  g_free (w->sums);
  g_free (w->counts);
  g_free (w->shift);
  g_free (w->half_gap);
  g_free (w->labels);
  g_free (w->upper);
  g_free (w->lower);
  g_free (w->cumsum);
}

gsize
rl_kmeans_sample_cumulative (const double *cumsum,
                             gsize         n,
                             double        r)
{
  gsize lo = 0, hi = n;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;
      if (cumsum[mid] < r)
        lo = mid + 1;
      else
        hi = mid;
    }
  return MIN (lo, n - 1);
}

/* Squared distances between the candidates and the @n_centers chosen centres,
 * for pruning: when ‖cand − c‖² > 4·closest² (c the centre nearest to x), the
 * candidate cannot come closer to x than c (triangle inequality). */
static void
candidate_gaps (const KmData *D,
                const KmWork *w,
                const gsize  *cand,
                guint         n_cand,
                guint         n_centers,
                double       *gap)
{
  for (guint t = 0; t < n_cand; t++)
    for (guint c = 0; c < n_centers; c++)
      gap[t * D->k + c] = dist2 (D->x + cand[t] * D->d, w->centers + c * D->d, D->d)
                          / (4.0 * (1.0 + 1e-9));
}

/* Potential Σ min(closest², ‖x − candidate‖²) of every candidate in one pass. */
static void
candidate_potentials (const KmData *D,
                      const KmWork *w,
                      const gsize  *cand,
                      guint         n_cand,
                      const double *gap,
                      double       *pot)
{
  gsize d = D->d;

  for (guint t = 0; t < n_cand; t++)
    pot[t] = 0.0;
  for (gsize i = 0; i < D->n; i++)
    for (guint t = 0; t < n_cand; t++)
      {
        double c2 = w->upper[i];
        if (gap[t * D->k + w->labels[i]] <= c2)
          c2 = MIN (c2, dist2 (D->x + i * d, D->x + cand[t] * d, d));
        pot[t] += c2;
      }
}

/* After centre @c is set, updates the closest distances and centres and
 * their running sum in w->cumsum; @gap holds its pruning distances as
 * candidate_gaps() computed them. */
static void
add_center (const KmData *D,
            KmWork       *w,
            guint         c,
            const double *gap)
{
  double s = 0.0;

  for (gsize i = 0; i < D->n; i++)
    {
      if (gap[w->labels[i]] <= w->upper[i])
        {
          double t = dist2 (D->x + i * D->d, w->centers + c * D->d, D->d);
          if (t < w->upper[i])
            {
              w->upper[i] = t;
              w->labels[i] = c;
            }
        }
      w->cumsum[i] = s += w->upper[i];
    }
}

static void
kmeans_plusplus (const KmData *D,
                 KmWork       *w,
                 gsl_rng      *rng)
{
  gsize n = D->n, d = D->d;
  guint trials = MIN (2 + (guint) floor (log (D->k)), MAX_TRIALS);
  double *closest = w->upper;
  g_autofree double *gaps = g_new (double, (gsize) MAX_TRIALS * D->k);
  gsize first = gsl_rng_uniform_int (rng, n);
  double pot = 0.0;

  memcpy (w->centers, D->x + first * d, d * sizeof (double));
  for (gsize i = 0; i < n; i++)
    {
      pot += closest[i] = dist2 (D->x + i * d, w->centers, d);
      w->cumsum[i] = pot;
      w->labels[i] = 0;
    }

  for (guint c = 1; c < D->k; c++)
    {
      gsize cand[MAX_TRIALS];
      double cand_pot[MAX_TRIALS] = { 0 };
      guint best = 0;

      for (guint t = 0; t < trials; t++)
        cand[t] = rl_kmeans_sample_cumulative (w->cumsum, n, gsl_rng_uniform (rng) * pot);
      candidate_gaps (D, w, cand, trials, c, gaps);
      candidate_potentials (D, w, cand, trials, gaps, cand_pot);
      for (guint t = 1; t < trials; t++)
        if (cand_pot[t] < cand_pot[best])
          best = t;
      pot = cand_pot[best];
      memcpy (w->centers + c * d, D->x + cand[best] * d, d * sizeof (double));
      add_center (D, w, c, gaps + best * D->k);
    }
}

/* Nearest centre of row @x, its squared distance and the second smallest one. */
static guint
nearest (const double *x,
         const double *centers,
         gsize         d,
         guint         k,
         double       *d1,
         double       *d2)
{
  double b1 = INFINITY, b2 = INFINITY;
  guint a = 0;

  for (guint c = 0; c < k; c++)
    {
      double t = dist2 (x, centers + c * d, d);
      if (t < b1)
        {
          b2 = b1;
          b1 = t;
          a = c;
        }
      else if (t < b2)
        b2 = t;
    }
  *d1 = b1;
  *d2 = b2;
  return a;
}

static inline void
move_row (const KmData *D,
          KmWork       *w,
          gsize         i,
          guint         to)
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
assign_full (const KmData *D,
             KmWork       *w)
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
update_half_gaps (const KmData *D,
                  KmWork       *w)
{
  for (guint c = 0; c < D->k; c++)
    w->half_gap[c] = INFINITY;
  for (guint c = 0; c < D->k; c++)
    for (guint e = c + 1; e < D->k; e++)
      {
        double g = 0.5 * sqrt (dist2 (w->centers + c * D->d, w->centers + e * D->d, D->d));
        w->half_gap[c] = MIN (w->half_gap[c], g);
        w->half_gap[e] = MIN (w->half_gap[e], g);
      }
}

/* Assignment step with Hamerly's bounds, after the centres moved by
 * w->shift. Keeps sums and counts up to date; returns how many labels changed. */
static gsize
assign_bounded (const KmData *D,
                KmWork       *w)
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
      w->upper[i] = sqrt (dist2 (x, w->centers + a * d, d));
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
relocate_empty (const KmData *D,
                KmWork       *w)
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
          t = dist2 (D->x + i * d, w->centers + w->labels[i] * d, d);
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
update_centers (const KmData *D,
                KmWork       *w)
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
      w->shift[c] = sqrt (dist2 (w->centers + c * d, w->old + c * d, d));
      total += w->shift[c] * w->shift[c];
    }
  return total;
}

/* Lloyd iterations from w->centers. Returns FALSE when cancelled. */
static gboolean
lloyd (const KmData *D,
       KmWork       *w,
       guint         max_iter,
       GCancellable *cancellable,
       guint        *n_iter,
       gboolean     *converged)
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
center_of (const KmData *D,
           KmWork       *w,
           guint         c)
{
  for (gsize j = 0; j < D->d; j++)
    w->centers[c * D->d + j] = w->sums[c * D->d + j] / w->counts[c];
}

/* The best cluster for row @i by Hartigan's criterion: the change in inertia
 * of moving a row to cluster c is n_c/(n_c+1)·‖x − c‖² − n_a/(n_a−1)·‖x − a‖².
 * Also tightens the row's bounds against the reference centres, which are
 * w->shift away from the current ones. */
static guint
hartigan_target (const KmData *D,
                 KmWork       *w,
                 gsize         i)
{
  const double *x = D->x + i * D->d;
  guint a = w->labels[i], best = a;
  double na = w->counts[a], da, cost_a, best_gain = 0.0, lo = INFINITY;

  da = dist2 (x, w->centers + a * D->d, D->d);
  cost_a = da * na / (na - 1.0);
  for (guint c = 0; c < D->k; c++)
    {
      double nc = w->counts[c], dc, gain;
      if (c == a)
        continue;
      dc = dist2 (x, w->centers + c * D->d, D->d);
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
update_drift (const KmData *D,
              KmWork       *w,
              HartState    *st)
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
set_drift (const KmData *D,
           KmWork       *w,
           guint         c)
{
  center_of (D, w, c);
  w->shift[c] = sqrt (dist2 (w->centers + c * D->d, w->old + c * D->d, D->d));
}

/* Whether the bounds prove that no Hartigan move can pay off for row @i:
 * with U ≥ ‖x − a‖ and L ≤ ‖x − c‖ for every other centre c, a move needs
 * n_c/(n_c+1)·L² < n_a/(n_a−1)·U². */
static gboolean
hartigan_cannot_move (const KmData    *D,
                      const KmWork    *w,
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
rebound_row (const KmData *D,
             KmWork       *w,
             gsize         i)
{
  const double *x = D->x + i * D->d;

  w->lower[i] = INFINITY;
  for (guint c = 0; c < D->k; c++)
    {
      double t = sqrt (dist2 (x, w->old + c * D->d, D->d));
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
static guint
hartigan (const KmData *D,
          KmWork       *w,
          GCancellable *cancellable)
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

static double
km_inertia (const KmData *D,
            const KmWork *w)
{
  double s = 0.0;

  for (gsize i = 0; i < D->n; i++)
    s += dist2 (D->x + i * D->d, w->centers + w->labels[i] * D->d, D->d);
  return s;
}

static void
keep_if_best (KmWorker *self,
              guint     r,
              guint     n_iter,
              gboolean  converged)
{
  const KmData *D = self->job->data;
  double inertia = km_inertia (D, &self->work);
  guint *tmp;

  if (!(inertia < self->inertia || (inertia == self->inertia && r < self->index)))
    return;
  self->inertia = inertia;
  self->index = r;
  self->n_iter = n_iter;
  self->converged = converged;
  memcpy (self->centers, self->work.centers, D->k * D->d * sizeof (double));
  tmp = self->labels;
  self->labels = self->work.labels;
  self->work.labels = tmp;
}

static gpointer
worker_run (gpointer user_data)
{
  KmWorker *self = user_data;
  KmJob *job = self->job;

  for (;;)
    {
      guint r = (guint) g_atomic_int_add (&job->next, 1), n_iter = 0, passes = 0;
      g_autoptr(gsl_rng) rng = NULL;
      gboolean converged;
      double done;

      if (r >= job->n_init)
        break;
      rng = rl_rng_new (rl_rng_derive_seed (job->seed, r));
      kmeans_plusplus (job->data, &self->work, rng);
      if (!lloyd (job->data, &self->work, job->max_iter, job->cancellable, &n_iter, &converged)
          || (job->hartigan && (passes = hartigan (job->data, &self->work, job->cancellable)) == 0))
        {
          self->cancelled = TRUE;
          break;
        }
      keep_if_best (self, r, n_iter + passes, converged);
      done = g_atomic_int_add (&job->done, 1) + 1;
      rl_progress_report (self->progress, self->user_data, done / job->n_init);
    }
  return NULL;
}

/* Random-swap local search on the best restart: one centre jumps to a row
 * drawn with probability ∝ its squared distance to its centre, Lloyd (and
 * Hartigan) run again, and the result is kept when the inertia drops.
 * Returns FALSE when cancelled. */
static gboolean
swap_search (KmWorker *best,
             guint     trials)
{
  KmJob *job = best->job;
  const KmData *D = job->data;
  KmWork *w = &best->work;
  g_autoptr(gsl_rng) rng = rl_rng_new (rl_rng_derive_seed (job->seed, job->n_init));

  for (guint t = 0; t < trials; t++)
    {
      guint c = gsl_rng_uniform_int (rng, D->k), n_iter = 0, passes = 0;
      gboolean converged;
      double s = 0.0;
      gsize p;

      for (gsize i = 0; i < D->n; i++)
        w->cumsum[i] = s += dist2 (D->x + i * D->d, best->centers + best->labels[i] * D->d, D->d);
      if (s == 0.0)
        break;
      p = rl_kmeans_sample_cumulative (w->cumsum, D->n, gsl_rng_uniform (rng) * s);
      memcpy (w->centers, best->centers, D->k * D->d * sizeof (double));
      memcpy (w->centers + c * D->d, D->x + p * D->d, D->d * sizeof (double));
      if (!lloyd (D, w, job->max_iter, job->cancellable, &n_iter, &converged)
          || (job->hartigan && (passes = hartigan (D, w, job->cancellable)) == 0))
        return FALSE;
      keep_if_best (best, best->index, n_iter + passes, converged);
    }
  return TRUE;
}

static void
km_worker_init (KmWorker *self,
                KmJob    *job)
{
  const KmData *D = job->data;

  self->job = job;
  km_work_init (&self->work, D->n, D->d, D->k);
  self->inertia = INFINITY;
  self->index = G_MAXUINT;
  self->centers = g_new0 (double, D->k * D->d);
  self->labels = g_new0 (guint, D->n);
}

static void
km_worker_clear (KmWorker *self)
{
  km_work_clear (&self->work);
  g_free (self->centers);
  g_free (self->labels);
}

static guint
thread_count (const RlKmeansOptions *opts,
              const KmData          *D)
{
  guint t = opts->n_threads > 0 ? opts->n_threads : g_get_num_processors ();

  /* Threads do not pay for themselves on tiny inputs. */
  if ((double) D->n * D->d * D->k < 2e4)
    t = 1;
  return CLAMP (t, 1, opts->n_init);
}

static guint
swap_trials (const RlKmeansOptions *opts,
             const KmData          *D)
{
  if (opts->n_swap != RL_KMEANS_SWAP_AUTO)
    return opts->n_swap;
  return (double) D->n * D->d * D->k <= 2e6 ? 10 * D->k : 0;
}

/* Runs the restarts on @n_threads threads (the calling one included) and
 * returns the index of the worker holding the best restart, or -1 when
 * cancelled. */
static int
run_restarts (KmWorker *workers,
              guint     n_threads)
{
  g_autofree GThread **threads = g_new0 (GThread *, n_threads);
  int best = 0;

  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_new ("rl-kmeans", worker_run, &workers[t]);
  worker_run (&workers[0]);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);

  for (guint t = 0; t < n_threads; t++)
    {
      if (workers[t].cancelled)
        return -1;
      if (workers[t].inertia < workers[best].inertia
          || (workers[t].inertia == workers[best].inertia
              && workers[t].index < workers[best].index))
        best = t;
    }
  return best;
}

static RlClustering *
make_result (const gsl_matrix *X,
             const KmWorker   *best)
{
  const KmData *D = best->job->data;
  RlClustering *res = rl_clustering_new ("kmeans", D->n, D->d, D->k);

  memcpy (res->labels, best->labels, D->n * sizeof (guint));
  for (guint c = 0; c < D->k; c++)
    for (gsize j = 0; j < D->d; j++)
      gsl_matrix_set (res->centers, c, j, best->centers[c * D->d + j]);
  res->n_iter = best->n_iter;
  res->converged = best->converged;
  rl_clustering_update_scores (res, X);
  rl_clustering_canonicalize (res);
  return res;
}

void
rl_kmeans_options_init (RlKmeansOptions *opts)
{
  memset (opts, 0, sizeof *opts);
  opts->k = 0;
  opts->n_init = 10;
  opts->max_iter = 300;
  opts->tol = 1e-4;
  opts->seed = 0;
  opts->n_threads = 0;
  opts->hartigan = TRUE;
  opts->n_swap = RL_KMEANS_SWAP_AUTO;
}

RlClustering *
rl_kmeans (const gsl_matrix      *X,
           const RlKmeansOptions *opts,
           RlProgressFunc         progress,
           gpointer               user_data,
           GCancellable          *cancellable,
           GError               **error)
{
  KmData data;
  KmJob job = { &data, opts->n_init, opts->max_iter, opts->seed, opts->hartigan, cancellable };
  g_autofree KmWorker *workers = NULL;
  RlClustering *res = NULL;
  guint n_threads;
  int best;

  if (!rl_kmeans_check_input (X, opts->k, error))
    return NULL;
  if (opts->n_init == 0 || !(opts->tol >= 0.0))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "k-means needs n_init >= 1 and tol >= 0 (got %u and %g)",
                   opts->n_init, opts->tol);
      return NULL;
    }
  km_data_init (&data, X, opts->k, opts->tol);
  n_threads = thread_count (opts, &data);
  workers = g_new0 (KmWorker, n_threads);
  for (guint t = 0; t < n_threads; t++)
    km_worker_init (&workers[t], &job);
  workers[0].progress = progress;
  workers[0].user_data = user_data;

  best = run_restarts (workers, n_threads);
  if (best < 0 || g_cancellable_is_cancelled (cancellable))
    g_set_error_literal (error, RL_ERROR, RL_ERROR_CANCELLED, "k-means was cancelled");
  else if (!swap_search (&workers[best], swap_trials (opts, &data)))
    g_set_error_literal (error, RL_ERROR, RL_ERROR_CANCELLED, "k-means was cancelled");
  else
    res = make_result (X, &workers[best]);

  for (guint t = 0; t < n_threads; t++)
    km_worker_clear (&workers[t]);
  km_data_clear (&data);
  return res;
}

gboolean
rl_kmeans_plusplus (const gsl_matrix *X,
                    gsl_rng          *rng,
                    gsl_matrix       *centers,
                    GError          **error)
{
  KmData data;
  KmWork work;

  if (!rl_kmeans_check_input (X, centers->size1, error))
    return FALSE;
  g_return_val_if_fail (centers->size2 == X->size2, FALSE);
  km_data_init (&data, X, centers->size1, 0.0);
  km_work_init (&work, data.n, data.d, data.k);
  kmeans_plusplus (&data, &work, rng);
  for (guint c = 0; c < data.k; c++)
    for (gsize j = 0; j < data.d; j++)
      gsl_matrix_set (centers, c, j, work.centers[c * data.d + j]);
  km_work_clear (&work);
  km_data_clear (&data);
  return TRUE;
}

gboolean
rl_kmeans_lloyd (const gsl_matrix *X,
                 gsl_matrix       *centers,
                 guint            *labels,
                 guint             max_iter,
                 double            tol,
                 double           *inertia,
                 guint            *n_iter,
                 gboolean         *converged,
                 GCancellable     *cancellable,
                 GError          **error)
{
  KmData data;
  KmWork work;
  guint it = 0;
  gboolean conv = FALSE, ok;

  if (!rl_kmeans_check_input (X, centers->size1, error))
    return FALSE;
  g_return_val_if_fail (centers->size2 == X->size2, FALSE);
  km_data_init (&data, X, centers->size1, tol);
  km_work_init (&work, data.n, data.d, data.k);
  for (guint c = 0; c < data.k; c++)
    for (gsize j = 0; j < data.d; j++)
      work.centers[c * data.d + j] = gsl_matrix_get (centers, c, j);

  ok = lloyd (&data, &work, max_iter, cancellable, &it, &conv);
  if (ok)
    {
      for (guint c = 0; c < data.k; c++)
        for (gsize j = 0; j < data.d; j++)
          gsl_matrix_set (centers, c, j, work.centers[c * data.d + j]);
      memcpy (labels, work.labels, data.n * sizeof (guint));
      if (inertia != NULL)
        *inertia = km_inertia (&data, &work);
      if (n_iter != NULL)
        *n_iter = it;
      if (converged != NULL)
        *converged = conv;
    }
  else
    g_set_error_literal (error, RL_ERROR, RL_ERROR_CANCELLED, "k-means was cancelled");
  km_work_clear (&work);
  km_data_clear (&data);
  return ok;
}

gboolean
rl_kmeans_check_input (const gsl_matrix *X,
                       guint             k,
                       GError          **error)
{
  if (X == NULL || X->size1 == 0 || X->size2 == 0)
    {
      g_set_error_literal (error, RL_ERROR, RL_ERROR_INVALID, "the data has no rows or no columns");
      return FALSE;
    }
  if (k == 0 || k > X->size1)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "k = %u clusters cannot be formed from %zu rows; choose k between 1 and %zu",
                   k, X->size1, X->size1);
      return FALSE;
    }
  for (gsize i = 0; i < X->size1; i++)
    for (gsize j = 0; j < X->size2; j++)
      if (G_UNLIKELY (!isfinite (X->data[i * X->tda + j])))
        {
          g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                       "row %zu, column %zu holds %g, not a number; "
                       "impute or drop missing values first", i + 1, j + 1,
                       gsl_matrix_get (X, i, j));
          return FALSE;
        }
  return TRUE;
}
