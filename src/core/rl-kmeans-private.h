/* rl-kmeans-private.h — k-means helpers shared inside the core
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_rng.h>

G_BEGIN_DECLS

/* The rows of X as one contiguous row-major block. */
typedef struct
{
  const double *x;
  double       *copy;      /* owned when X was not contiguous */
  gsize         n, d;
  guint         k;
  double        tol_abs;   /* tol · mean column variance */
} RlKmData;

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
  double *cumsum;    /* n, draws of the random swaps */
} RlKmWork;

static inline double
rl_dist2 (const double *a,
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

/* Four squared distances at once: independent sums keep the FPU busy. Each
 * sum runs over j in order, so the values equal those of rl_dist2(). */
static inline void
rl_dist2_4 (const double       *x,
            const double *const y[4],
            gsize               d,
            double             *out)
{
  double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;

  for (gsize j = 0; j < d; j++)
    {
      double t0 = x[j] - y[0][j], t1 = x[j] - y[1][j], t2 = x[j] - y[2][j], t3 = x[j] - y[3][j];
      s0 += t0 * t0;
      s1 += t1 * t1;
      s2 += t2 * t2;
      s3 += t3 * t3;
    }
  out[0] = s0;
  out[1] = s1;
  out[2] = s2;
  out[3] = s3;
}

/* Squared distances from @x to the @m rows of @Y (row stride d). */
static inline void
rl_dist2_many (const double *x,
               const double *Y,
               guint         m,
               gsize         d,
               double       *out)
{
  guint c = 0;

  for (; c + 4 <= m; c += 4)
    {
      const double *const y[4] = { Y + c * d, Y + (c + 1) * d, Y + (c + 2) * d, Y + (c + 3) * d };
      rl_dist2_4 (x, y, d, out + c);
    }
  for (; c < m; c++)
    out[c] = rl_dist2 (x, Y + c * d, d);
}


/* The first index i < n whose cumulative weight cumsum[i] reaches @r (n − 1
 * when none does): draws an index with probability ∝ its weight when @r is
 * uniform in [0, cumsum[n − 1]). */
gsize rl_kmeans_sample_cumulative (const double *cumsum,
                                   gsize         n,
                                   double        r);

/* Greedy k-means++ seeds into w->centers (rl-kmeans-seed.c), on up to
 * @n_threads threads; the same seeds whatever their number. Leaves
 * w->labels and w->upper as scratch. */
void     rl_kmeans_seed         (const RlKmData *D,
                                 RlKmWork       *w,
                                 gsl_rng        *rng,
                                 guint           n_threads);

/* The labels of one plain k-means run (greedy k-means++ seeds from @seed,
 * Lloyd to convergence) on @X, which the caller has checked, numbered by
 * first appearance: the start of the Gaussian mixture, without the scores
 * and checks of rl_kmeans(). FALSE when cancelled. */
gboolean rl_kmeans_start_labels (const gsl_matrix *X,
                                 guint             k,
                                 guint64           seed,
                                 guint            *labels,
                                 GCancellable     *cancellable,
                                 GError          **error);

/* Lloyd iterations from w->centers (rl-kmeans-lloyd.c); FALSE when cancelled. */
gboolean rl_kmeans_lloyd_run    (const RlKmData *D,
                                 RlKmWork       *w,
                                 guint           max_iter,
                                 GCancellable   *cancellable,
                                 guint          *n_iter,
                                 gboolean       *converged);

/* Hartigan's moves after Lloyd; the number of passes, 0 when cancelled. */
guint    rl_kmeans_hartigan_run (const RlKmData *D,
                                 RlKmWork       *w,
                                 GCancellable   *cancellable);

double   rl_kmeans_work_inertia (const RlKmData *D,
                                 const RlKmWork *w);

G_END_DECLS
