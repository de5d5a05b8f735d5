/* rl-gmm.c — Gaussian mixtures fitted by expectation–maximisation
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-gmm.h"

#include <float.h>
#include <math.h>
#include <string.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_linalg.h>

#include "rl-alloc-private.h"
#include "rl-error.h"
#include "rl-kmeans.h"
#include "rl-lanes-private.h"
#include "rl-kmeans-private.h"
#include "rl-rng.h"

#define MAX_REG_STEPS 12

static const char *const covariance_names[] = { "full", "tied", "diag", "spherical" };

/* Caller-owned workspace of the E and M steps. Every covariance is kept as
 * the inverse P of its Cholesky factor (Σ⁻¹ = PᵀP, P lower triangular), so
 * that log N(x | μ, Σ) = −½(d log 2π + ‖P(x − μ)‖²) + log det P. For the
 * diagonal types only the d diagonal entries of P are used. */
typedef struct
{
  gsize   n, d;
  guint   k;
  double  reg;
  gsl_matrix *resp_matrix;   /* owns resp */
  double *resp;    /* n × k responsibilities */
  double *nk;      /* k, Σ of the responsibilities */
  double *prec;    /* k × d × d */
  double *logdet;  /* k, log det P_c */
  double *lse;     /* n, the log-likelihood of each row */
} GmmWork;

/* An n × k matrix for responsibilities, on huge pages where the system
 * has them (rl-alloc-private.h); gsl_matrix_free() releases it. */
static gsl_matrix *
resp_matrix_alloc (gsize n,
                   guint k)
{
  gsl_block *block = g_new (gsl_block, 1);
  gsl_matrix *M;

  block->size = n * k;
  block->data = rl_big_new (double, n * k);
  M = gsl_matrix_alloc_from_block (block, 0, n, k, k);
  M->owner = 1;
  return M;
}

static void
gmm_work_init (GmmWork *w,
               gsize    n,
               gsize    d,
               guint    k,
               double   reg)
{
  w->n = n;
  w->d = d;
  w->k = k;
  w->reg = reg;
  w->resp_matrix = resp_matrix_alloc (n, k);
  w->resp = w->resp_matrix->data;
  w->nk = g_new0 (double, k);
  w->prec = g_new0 (double, k * d * d);
  w->logdet = g_new0 (double, k);
  w->lse = rl_big_new0 (double, n);
}

static void
gmm_work_clear (GmmWork *w)
{
  gsl_matrix_free (w->resp_matrix);
  g_free (w->nk);
  g_free (w->prec);
  g_free (w->logdet);
  g_free (w->lse);
}

static gboolean
is_diagonal (RlCovariance covariance)
{
  return covariance == RL_COVARIANCE_DIAG || covariance == RL_COVARIANCE_SPHERICAL;
}

/* ---- threads ------------------------------------------------------------ */

/* The E and M steps split their work into parts that write disjoint
 * results, and every sum keeps the order of the one-thread loop, so the fit
 * is the same, bit for bit, whatever the number of threads. */
#define MAX_PARTS      8
#define MIN_PARALLEL   2e5   /* n · k · d below which one thread does it all */

typedef void (*PartFunc) (gpointer data,
                          guint    part,
                          guint    n_parts);

typedef struct
{
  PartFunc func;
  gpointer data;
  guint    part, n_parts;
} PartJob;

static gpointer
part_job_run (gpointer data)
{
  PartJob *job = data;

  job->func (job->data, job->part, job->n_parts);
  return NULL;
}

static guint
parts_for (const GmmWork *w,
           gsize          max)
{
  guint t = MIN (g_get_num_processors (), MAX_PARTS);

  if ((double) w->n * w->k * w->d < MIN_PARALLEL)
    t = 1;
  return CLAMP (t, 1, MAX (max, 1));
}

/* Runs @func on parts 0 .. @n_parts − 1, part 0 in the calling thread; a
 * part whose thread cannot be started runs here too. */
static void
run_parts (PartFunc func,
           gpointer data,
           guint    n_parts)
{
  PartJob jobs[MAX_PARTS];
  GThread *threads[MAX_PARTS] = { NULL };

  for (guint t = 0; t < n_parts; t++)
    jobs[t] = (PartJob) { func, data, t, n_parts };
  for (guint t = 1; t < n_parts; t++)
    threads[t] = g_thread_try_new ("rl-gmm", part_job_run, &jobs[t], NULL);
  part_job_run (&jobs[0]);
  for (guint t = 1; t < n_parts; t++)
    {
      if (threads[t] != NULL)
        g_thread_join (threads[t]);
      else
        part_job_run (&jobs[t]);
    }
}

/* ---- M step ----------------------------------------------------------- */

/* Components are handled LANES at a time, one lane each, in two V2 halves:
 * a row adds to the sums of all of them at once, and a lane sums over the
 * rows in order as the loop of one component would. Rows a component does
 * not own add an exact zero, which leaves its sums as they were. */
#define LANES 4

static inline guint
n_groups (guint k)
{
  return (k + LANES - 1) / LANES;
}

/* The responsibilities of components c0 … c0 + LANES − 1 for row @i, 0 past k. */
static inline void
group_resp (const GmmWork *w,
            gsize          i,
            guint          c0,
            V2            *r0,
            V2            *r1)
{
  const double *r = w->resp + i * w->k + c0;
  double v[LANES] = { 0.0 };

  if (c0 + LANES <= w->k)
    {
      *r0 = v2_load (r);
      *r1 = v2_load (r + 2);
      return;
    }
  for (guint l = 0; c0 + l < w->k; l++)
    v[l] = r[l];
  *r0 = v2_load (v);
  *r1 = v2_load (v + 2);
}

typedef struct
{
  const gsl_matrix *X;
  GmmWork          *w;
  RlGmmModel       *m;
  double           *scatter;   /* k blocks of d × d */
} MStep;

#define CHUNK 4     /* columns whose sums stay in registers during a pass */
#define TILE  256   /* rows whose values stay in cache while every chunk passes over them */

/* One pass over rows @i0 … @i1 − 1 for columns j0 … j0 + W − 1 of group
 * @c0 (W is CHUNK or 1, known where this is inlined): adds the terms r·x,
 * or with @mu (2 W halves) r·(x − μ)², to the sums in @out (2 W halves),
 * and when @nk is given, r to the sums in @nk. */
static inline __attribute__ ((always_inline)) void
group_pass (const MStep *s,
            guint        c0,
            gsize        j0,
            guint        W,
            const V2    *mu,
            V2          *out,
            V2          *nk,
            gsize        i0,
            gsize        i1)
{
  const GmmWork *w = s->w;
  V2 a[2 * CHUNK], n0 = { 0.0, 0.0 }, n1 = n0, r0, r1;

  memcpy (a, out, 2 * W * sizeof (V2));
  if (nk != NULL)
    {
      n0 = nk[0];
      n1 = nk[1];
    }
  for (gsize i = i0; i < i1; i++)
    {
      const double *x = s->X->data + i * s->X->tda + j0;

      group_resp (w, i, c0, &r0, &r1);
      if (nk != NULL)
        {
          n0 += r0;
          n1 += r1;
        }
#pragma GCC unroll 4
      for (guint l = 0; l < W; l++)
        {
          V2 xj = { x[l], x[l] };

          if (mu == NULL)
            {
              a[2 * l] += r0 * xj;
              a[2 * l + 1] += r1 * xj;
            }
          else
            {
              V2 t0 = xj - mu[2 * l], t1 = xj - mu[2 * l + 1];

              a[2 * l] += (r0 * t0) * t0;
              a[2 * l + 1] += (r1 * t1) * t1;
            }
        }
    }
  memcpy (out, a, 2 * W * sizeof (V2));
  if (nk != NULL)
    {
      nk[0] = n0;
      nk[1] = n1;
    }
}

/* All the columns of group @c0 into @out (zeroed first), CHUNK at a time,
 * a tile of rows at a time so that the data is read from memory once; the
 * sums of r with the first chunk. Every sum still runs over the rows in
 * order. */
static void
group_sums (const MStep *s,
            guint        c0,
            const V2    *mu,
            V2          *out,
            V2          *nk)
{
  gsize d = s->w->d, n = s->w->n;

  memset (out, 0, 2 * d * sizeof (V2));
  for (gsize i0 = 0; i0 < n; i0 += TILE)
    {
      gsize i1 = MIN (n, i0 + TILE), j = 0;

      for (; j + CHUNK <= d; j += CHUNK)
        group_pass (s, c0, j, CHUNK, mu != NULL ? mu + 2 * j : NULL, out + 2 * j,
                    j == 0 ? nk : NULL, i0, i1);
      for (; j < d; j++)
        group_pass (s, c0, j, 1, mu != NULL ? mu + 2 * j : NULL, out + 2 * j,
                    j == 0 ? nk : NULL, i0, i1);
    }
}

/* Weights and means of the components of group @g; for the diagonal types
 * also the diagonal of their scatter Σ r·(x − μ)². @acc holds 4 d pairs:
 * the sums of column j for the two halves at 2 j and 2 j + 1, the means
 * after them. */
static void
group_moments (const MStep *s,
               guint        g,
               V2          *acc)
{
  const GmmWork *w = s->w;
  guint c0 = g * LANES;
  gsize d = w->d;
  V2 nkv[2] = { { 10.0 * DBL_EPSILON, 10.0 * DBL_EPSILON }, { 10.0 * DBL_EPSILON, 10.0 * DBL_EPSILON } };
  V2 *mu = acc + 2 * d;
  double nk[LANES];

  group_sums (s, c0, NULL, acc, nkv);
  memcpy (nk, nkv, sizeof nk);
  for (guint l = 0; l < LANES && c0 + l < w->k; l++)
    {
      double *m = s->m->means->data + (c0 + l) * s->m->means->tda, inv = 1.0 / nk[l];

      w->nk[c0 + l] = nk[l];
      for (gsize j = 0; j < d; j++)
        m[j] = acc[2 * j + l / 2][l % 2] * inv;
      gsl_vector_set (s->m->weights, c0 + l, nk[l] / w->n);
    }
  if (!is_diagonal (s->m->covariance))
    return;

  for (gsize j = 0; j < d; j++)
    {
      double v[LANES] = { 0.0 };

      for (guint l = 0; l < LANES && c0 + l < w->k; l++)
        v[l] = gsl_matrix_get (s->m->means, c0 + l, j);
      mu[2 * j] = v2_load (v);
      mu[2 * j + 1] = v2_load (v + 2);
    }
  group_sums (s, c0, mu, acc, NULL);
  for (guint l = 0; l < LANES && c0 + l < w->k; l++)
    for (gsize j = 0; j < d; j++)
      s->scatter[(c0 + l) * d * d + j * d + j] = acc[2 * j + l / 2][l % 2];
}

/* Σ r·(x − μ)(x − μ)ᵀ of component @c (lower triangle) into its d × d
 * row-major block of the scatter. */
static void
component_scatter (const MStep *s,
                   guint        c,
                   double      *diff)
{
  const GmmWork *w = s->w;
  const double *mu = s->m->means->data + c * s->m->means->tda;
  double *S = s->scatter + c * w->d * w->d;
  gsize d = w->d;

  for (gsize i = 0; i < w->n; i++)
    {
      const double *x = s->X->data + i * s->X->tda;
      double r = w->resp[i * w->k + c];

      if (r == 0.0)
        continue;
      for (gsize j = 0; j < d; j++)
        diff[j] = x[j] - mu[j];
      for (gsize j = 0; j < d; j++)
        {
          double *row = S + j * d, rj = r * diff[j];
          for (gsize l = 0; l <= j; l++)
            row[l] += rj * diff[l];
        }
    }
}

/* The groups part, part + n_parts, …: each reads every row in order. */
static void
m_step_part (gpointer data,
             guint    part,
             guint    n_parts)
{
  const MStep *s = data;
  g_autofree V2 *acc = g_new (V2, 4 * s->w->d);
  g_autofree double *diff = g_new (double, s->w->d);

  for (guint g = part; g < n_groups (s->w->k); g += n_parts)
    {
      group_moments (s, g, acc);
      for (guint c = g * LANES; c < MIN ((g + 1) * LANES, s->w->k); c++)
        if (!is_diagonal (s->m->covariance))
          component_scatter (s, c, diff);
    }
}

/* Scales the scatter, adds reg_covar, and writes it as block @c (or all blocks). */
static void
store_covariance (RlGmmModel *m,
                  gsl_matrix *S,
                  double      scale,
                  double      reg,
                  int         only_block)
{
  gsize d = m->d;

  gsl_matrix_scale (S, scale);
  for (gsize j = 0; j < d; j++)
    {
      for (gsize l = 0; l < j; l++)
        gsl_matrix_set (S, l, j, gsl_matrix_get (S, j, l));
      *gsl_matrix_ptr (S, j, j) += reg;
    }
  if (m->covariance == RL_COVARIANCE_SPHERICAL)
    {
      double v = 0.0;
      for (gsize j = 0; j < d; j++)
        v += gsl_matrix_get (S, j, j) / d;
      gsl_matrix_set_identity (S);
      gsl_matrix_scale (S, v);
    }
  for (guint c = 0; c < m->k; c++)
    if (only_block < 0 || (guint) only_block == c)
      {
        gsl_matrix_view B = rl_gmm_model_covariance (m, c);
        gsl_matrix_memcpy (&B.matrix, S);
      }
}

static void
m_step (const gsl_matrix *X,
        GmmWork          *w,
        RlGmmModel       *m)
{
  gsize d = w->d;
  g_autoptr(gsl_matrix) scatter = gsl_matrix_calloc (w->k * d, d);
  MStep s = { X, w, m, scatter->data };
  double total = 0.0;

  run_parts (m_step_part, &s, parts_for (w, n_groups (w->k)));
  for (guint c = 0; c < w->k; c++)
    {
      gsl_matrix_view S = gsl_matrix_submatrix (scatter, c * d, 0, d, d);
      total += w->nk[c];
      if (m->covariance != RL_COVARIANCE_TIED)
        store_covariance (m, &S.matrix, 1.0 / w->nk[c], w->reg, c);
      else if (c > 0)
        {
          gsl_matrix_view S0 = gsl_matrix_submatrix (scatter, 0, 0, d, d);
          gsl_matrix_add (&S0.matrix, &S.matrix);
        }
    }
  if (m->covariance == RL_COVARIANCE_TIED)
    {
      gsl_matrix_view S0 = gsl_matrix_submatrix (scatter, 0, 0, d, d);
      store_covariance (m, &S0.matrix, 1.0 / total, w->reg, -1);
    }
}

/* ---- precisions --------------------------------------------------------- */

/* A factorisation is accepted when every squared pivot is positive and at
 * least PIVOT_FLOOR times the largest variance: below that the component
 * has collapsed onto a subspace and its density is meaningless. */
#define PIVOT_FLOOR 1e-12

static gboolean
pivots_ok (const gsl_matrix *S,
           const gsl_matrix *L)
{
  double top = 0.0;

  for (gsize j = 0; j < S->size1; j++)
    top = MAX (top, gsl_matrix_get (S, j, j));
  for (gsize j = 0; j < S->size1; j++)
    {
      double p = L != NULL ? gsl_matrix_get (L, j, j) : sqrt (gsl_matrix_get (S, j, j));
      if (!(p * p > PIVOT_FLOOR * top) || !isfinite (p))
        return FALSE;
    }
  return TRUE;
}

/* Cholesky factor of @S in @L (or only a check of the diagonal when @L is
 * NULL); on failure adds ×10 steps of regularisation to the diagonal of @S
 * itself, so the model says what was used. */
static gboolean
factorise (gsl_matrix *S,
           gsl_matrix *L,
           double      reg,
           guint       max_steps,
           RlGmmModel *m,
           guint       c,
           GError    **error)
{
  double extra = MAX (reg, 1e-12);

  for (guint step = 0; step <= max_steps; step++)
    {
      if (L == NULL && pivots_ok (S, NULL))
        return TRUE;
      if (L != NULL)
        {
          gsl_matrix_memcpy (L, S);
          if (gsl_linalg_cholesky_decomp1 (L) == GSL_SUCCESS && pivots_ok (S, L))
            return TRUE;
        }
      if (step == max_steps)
        break;
      extra *= 10.0;
      for (gsize j = 0; j < S->size1; j++)
        *gsl_matrix_ptr (S, j, j) += extra;
      m->n_regularised++;
      m->max_extra_reg = MAX (m->max_extra_reg, extra);
    }
  g_set_error (error, RL_ERROR, RL_ERROR_NUMERIC,
               "the covariance of mixture component %u is not positive definite even with "
               "%g added to its diagonal; remove constant or duplicate columns, scale the "
               "data, or choose fewer components", c + 1, max_steps > 0 ? extra : 0.0);
  return FALSE;
}

static void
diagonal_precision (const gsl_matrix *S,
                    GmmWork          *w,
                    guint             c)
{
  double *p = w->prec + c * w->d * w->d;

  w->logdet[c] = 0.0;
  for (gsize j = 0; j < w->d; j++)
    {
      p[j] = 1.0 / sqrt (gsl_matrix_get (S, j, j));
      w->logdet[c] += log (p[j]);
    }
}

/* Fills w->prec and w->logdet from the model's covariances. When @fix is
 * TRUE a covariance that cannot be factorised is regularised further. */
static gboolean
compute_precisions (RlGmmModel *m,
                    GmmWork    *w,
                    gboolean    fix,
                    GError    **error)
{
  g_autoptr(gsl_matrix) L = gsl_matrix_alloc (w->d, w->d);
  gsize dd = w->d * w->d;

  for (guint c = 0; c < w->k; c++)
    {
      gsl_matrix_view S = rl_gmm_model_covariance (m, c);

      if (is_diagonal (m->covariance))
        {
          if (!factorise (&S.matrix, NULL, w->reg, fix ? MAX_REG_STEPS : 0, m, c, error))
            return FALSE;
          diagonal_precision (&S.matrix, w, c);
          continue;
        }
      if (m->covariance == RL_COVARIANCE_TIED && c > 0)
        {
          memcpy (w->prec + c * dd, w->prec, dd * sizeof (double));
          w->logdet[c] = w->logdet[0];
          continue;
        }
      if (!factorise (&S.matrix, L, w->reg, fix ? MAX_REG_STEPS : 0, m, c, error))
        return FALSE;
      w->logdet[c] = 0.0;
      for (gsize j = 0; j < w->d; j++)
        w->logdet[c] -= log (gsl_matrix_get (L, j, j));
      gsl_linalg_tri_invert (CblasLower, CblasNonUnit, L);
      for (gsize j = 0; j < w->d; j++)
        for (gsize l = 0; l < w->d; l++)
          w->prec[c * dd + j * w->d + l] = l <= j ? gsl_matrix_get (L, j, l) : 0.0;
    }
  if (m->covariance == RL_COVARIANCE_TIED)
    for (guint c = 1; c < w->k; c++)
      {
        gsl_matrix_view S0 = rl_gmm_model_covariance (m, 0), S = rl_gmm_model_covariance (m, c);
        gsl_matrix_memcpy (&S.matrix, &S0.matrix);
      }
  return TRUE;
}

/* ---- E step ------------------------------------------------------------- */

/* ‖P(x − μ)‖² for one component with a full precision factor P. */
static double
mahalanobis2 (const double *x,
              const double *mu,
              const double *P,
              gsize         d,
              double       *diff)
{
  double q = 0.0;

  for (gsize j = 0; j < d; j++)
    diff[j] = x[j] - mu[j];
  for (gsize j = 0; j < d; j++)
    {
      const double *row = P + j * d;
      double y = 0.0;
      for (gsize l = 0; l <= j; l++)
        y += row[l] * diff[l];
      q += y * y;
    }
  return q;
}

typedef struct
{
  const gsl_matrix *X;
  const RlGmmModel *m;
  GmmWork          *w;
  const double     *log_weight;  /* k, log π_c − ½ d log 2π + log det P_c */
  double           *meansT;      /* d × width, diagonal types only */
  double           *precT;       /* d × width, the diagonal of every P_c */
  guint             width;       /* k rounded up to whole groups of LANES */
} EStep;

/* log π_c + log N(x | μ_c, Σ_c) of every component into @lp. For the
 * diagonal types the components run side by side (d × k layouts), each
 * summing over j in order as the loop of one component would. */
static void
log_prob_row (const EStep  *e,
              const double *x,
              double       *lp,
              double       *diff)
{
  const GmmWork *w = e->w;
  guint k = w->k;

  if (e->meansT == NULL)
    {
      for (guint c = 0; c < k; c++)
        lp[c] = e->log_weight[c]
                - 0.5 * mahalanobis2 (x, e->m->means->data + c * e->m->means->tda,
                                      w->prec + c * w->d * w->d, w->d, diff);
      return;
    }
  for (guint g = 0; g < n_groups (k); g++)
    {
      const double *mu = e->meansT + g * LANES, *p = e->precT + g * LANES;
      V2 q0 = { 0.0, 0.0 }, q1 = q0;

      for (gsize j = 0; j < w->d; j++, mu += e->width, p += e->width)
        {
          V2 xj = { x[j], x[j] };
          V2 t0 = (xj - v2_load (mu)) * v2_load (p), t1 = (xj - v2_load (mu + 2)) * v2_load (p + 2);

          q0 += t0 * t0;
          q1 += t1 * t1;
        }
      memcpy (lp + g * LANES, &q0, sizeof q0);
      memcpy (lp + g * LANES + 2, &q1, sizeof q1);
    }
  for (guint c = 0; c < k; c++)
    lp[c] = e->log_weight[c] - 0.5 * lp[c];
}

/* Responsibilities and log-likelihoods of the rows of one part (log-sum-exp). */
static void
e_step_part (gpointer data,
             guint    part,
             guint    n_parts)
{
  const EStep *e = data;
  GmmWork *w = e->w;
  gsize first = w->n * part / n_parts, last = w->n * (part + 1) / n_parts;
  g_autofree double *lp = g_new (double, n_groups (w->k) * LANES);
  g_autofree double *diff = g_new (double, w->d);

  for (gsize i = first; i < last; i++)
    {
      double *r = w->resp + i * w->k, top = -INFINITY, s = 0.0;

      log_prob_row (e, e->X->data + i * e->X->tda, lp, diff);
      for (guint c = 0; c < w->k; c++)
        top = MAX (top, lp[c]);
      /* the exponentials stay here: the row of w->resp is written once */
      for (guint c = 0; c < w->k; c++)
        s += lp[c] = exp (lp[c] - top);
      w->lse[i] = top + log (s);
      for (guint c = 0; c < w->k; c++)
        r[c] = lp[c] / s;
    }
}

/* Responsibilities into w->resp; returns the total log-likelihood, summed
 * over the rows in order. */
static double
e_step (const gsl_matrix *X,
        const RlGmmModel *m,
        GmmWork          *w)
{
  double base = -0.5 * w->d * log (2.0 * M_PI), total = 0.0;
  g_autofree double *log_weight = g_new (double, w->k);
  g_autofree double *meansT = NULL, *precT = NULL;
  EStep e = { X, m, w, log_weight, NULL, NULL, n_groups (w->k) * LANES };

  for (guint c = 0; c < w->k; c++)
    log_weight[c] = log (gsl_vector_get (m->weights, c)) + base + w->logdet[c];
  if (is_diagonal (m->covariance))
    {
      e.meansT = meansT = g_new0 (double, w->d * e.width);
      e.precT = precT = g_new0 (double, w->d * e.width);
      for (guint c = 0; c < w->k; c++)
        for (gsize j = 0; j < w->d; j++)
          {
            meansT[j * e.width + c] = gsl_matrix_get (m->means, c, j);
            precT[j * e.width + c] = w->prec[c * w->d * w->d + j];
          }
    }
  run_parts (e_step_part, &e, parts_for (w, w->n));
  for (gsize i = 0; i < w->n; i++)
    total += w->lse[i];
  return total;
}

/* ---- one EM run ------------------------------------------------------- */

typedef struct
{
  guint    n_iter;
  gboolean converged;
  double   log_likelihood;   /* total, with the final parameters */
} GmmRun;

static gboolean
init_from_kmeans (const gsl_matrix   *X,
                  const RlGmmOptions *opts,
                  guint               r,
                  GmmWork            *w,
                  RlGmmModel         *m,
                  GCancellable       *cancellable,
                  GError            **error)
{
  g_autofree guint *labels = g_new (guint, w->n);

  /* plain Lloyd from k-means++: varied starts matter more than the best partition */
  if (!rl_kmeans_start_labels (X, opts->k, rl_rng_derive_seed (opts->seed, r), labels,
                               cancellable, error))
    return FALSE;
  memset (w->resp, 0, w->n * w->k * sizeof (double));
  for (gsize i = 0; i < w->n; i++)
    w->resp[i * w->k + labels[i]] = 1.0;
  m_step (X, w, m);
  return compute_precisions (m, w, TRUE, error);
}

/* EM iterations from the current parameters until the mean log-likelihood
 * per row changes by less than @tol; adds to run->n_iter. */
static gboolean
em_iterate (const gsl_matrix *X,
            RlGmmModel       *m,
            GmmWork          *w,
            guint             max_iter,
            double            tol,
            GmmRun           *run,
            GCancellable     *cancellable,
            GError          **error)
{
  double lower = -INFINITY;

  run->converged = FALSE;
  for (guint it = 1; it <= max_iter; it++)
    {
      double prev = lower;

      if (g_cancellable_is_cancelled (cancellable))
        {
          g_set_error_literal (error, RL_ERROR, RL_ERROR_CANCELLED, "the mixture fit was cancelled");
          return FALSE;
        }
      lower = e_step (X, m, w) / w->n;
      m_step (X, w, m);
      if (!compute_precisions (m, w, TRUE, error))
        return FALSE;
      run->n_iter++;
      if (fabs (lower - prev) < tol)
        {
          run->converged = TRUE;
          break;
        }
    }
  run->log_likelihood = e_step (X, m, w);
  return TRUE;
}

/* The best fit so far. */
typedef struct
{
  RlGmmModel *model;
  gsl_matrix *resp;
  GmmRun      run;
} GmmBest;

static void
model_assign (RlGmmModel       *dst,
              const RlGmmModel *src)
{
  gsl_vector_memcpy (dst->weights, src->weights);
  gsl_matrix_memcpy (dst->means, src->means);
  gsl_matrix_memcpy (dst->covariances, src->covariances);
  dst->n_regularised = src->n_regularised;
  dst->max_extra_reg = src->max_extra_reg;
}

/* Keeps the responsibilities by trading buffers with @w: the next run
 * overwrites all of w->resp before it reads it. */
static void
keep_if_better (GmmBest          *best,
                const RlGmmModel *m,
                GmmWork          *w,
                const GmmRun     *run)
{
  gsl_matrix *t;

  if (best->model != NULL && !(run->log_likelihood > best->run.log_likelihood))
    return;
  if (best->model == NULL)
    best->model = rl_gmm_model_copy (m);
  else
    model_assign (best->model, m);
  best->run = *run;
  t = best->resp;
  best->resp = w->resp_matrix;
  w->resp_matrix = t;
  w->resp = t->data;
}

/* Moves component @c of @m to row @p: mean x_p, the pooled covariance, weight 1/k. */
static void
reseed_component (const gsl_matrix *X,
                  RlGmmModel       *m,
                  guint             c,
                  gsize             p)
{
  g_autoptr(gsl_matrix) pooled = gsl_matrix_calloc (m->d, m->d);
  gsl_vector_const_view x = gsl_matrix_const_row (X, p);
  gsl_vector_view mu = gsl_matrix_row (m->means, c);
  gsl_matrix_view S = rl_gmm_model_covariance (m, c);

  for (guint e = 0; e < m->k; e++)
    {
      gsl_matrix_view B = rl_gmm_model_covariance (m, e);
      gsl_matrix_scale (&B.matrix, gsl_vector_get (m->weights, e));
      gsl_matrix_add (pooled, &B.matrix);
      gsl_matrix_scale (&B.matrix, 1.0 / gsl_vector_get (m->weights, e));
    }
  gsl_vector_memcpy (&mu.vector, &x.vector);
  gsl_matrix_memcpy (&S.matrix, pooled);
  gsl_vector_set (m->weights, c, 1.0 / m->k);
  gsl_vector_scale (m->weights, 1.0 / gsl_blas_dasum (m->weights));
}

/* A row drawn with probability ∝ its squared distance to the mean of its
 * most responsible component in the best fit. */
static gsize
sample_far_row (const gsl_matrix *X,
                const GmmBest    *best,
                double           *cumsum,
                gsl_rng          *rng)
{
  const RlGmmModel *m = best->model;
  double s = 0.0;

  for (gsize i = 0; i < X->size1; i++)
    {
      gsl_vector_const_view resp = gsl_vector_const_view_array (best->resp->data + i * m->k, m->k);
      const double *x = gsl_matrix_const_ptr (X, i, 0);
      const double *mu = gsl_matrix_const_ptr (m->means, gsl_vector_max_index (&resp.vector), 0);
      for (gsize j = 0; j < m->d; j++)
        s += (x[j] - mu[j]) * (x[j] - mu[j]);
      cumsum[i] = s;
    }
  return rl_kmeans_sample_cumulative (cumsum, X->size1, gsl_rng_uniform (rng) * s);
}

/* Random-swap search on the best fit (one component jumps to a far row and
 * EM runs again; kept when the likelihood rises), then a last EM polish of
 * the best fit with a 100 times tighter tolerance. */
static gboolean
swap_search (const gsl_matrix   *X,
             const RlGmmOptions *opts,
             guint               trials,
             GmmBest            *best,
             GmmWork            *w,
             RlGmmModel         *m,
             GCancellable       *cancellable,
             GError            **error)
{
  g_autoptr(gsl_rng) rng = rl_rng_new (rl_rng_derive_seed (opts->seed, opts->n_init));
  g_autofree double *cumsum = g_new (double, X->size1);

  for (guint t = 0; t <= trials; t++)
    {
      GmmRun run = { 0, FALSE, -INFINITY };

      model_assign (m, best->model);
      if (t < trials)
        reseed_component (X, m, gsl_rng_uniform_int (rng, m->k),
                          sample_far_row (X, best, cumsum, rng));
      else
        run = best->run;
      if (!compute_precisions (m, w, TRUE, error)
          || !em_iterate (X, m, w, opts->max_iter, opts->tol / 100.0, &run, cancellable, error))
        return FALSE;
      keep_if_better (best, m, w, &run);
    }
  return TRUE;
}

static guint
swap_trials (const RlGmmOptions *opts,
             gsize               n,
             gsize               d)
{
  if (opts->n_swap != RL_GMM_SWAP_AUTO)
    return opts->n_swap;
  return (double) n * d * d * opts->k <= 1e6 ? 10 * opts->k : 0;
}

/* ---- public ----------------------------------------------------------- */

const char *
rl_covariance_to_string (RlCovariance covariance)
{
  g_return_val_if_fail (covariance <= RL_COVARIANCE_SPHERICAL, NULL);
  return covariance_names[covariance];
}

gboolean
rl_covariance_from_string (const char   *name,
                           RlCovariance *covariance,
                           GError      **error)
{
  for (guint t = 0; t < G_N_ELEMENTS (covariance_names); t++)
    if (g_strcmp0 (name, covariance_names[t]) == 0)
      {
        *covariance = t;
        return TRUE;
      }
  g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
               "unknown covariance type “%s”; use full, tied, diag or spherical",
               name != NULL ? name : "");
  return FALSE;
}

void
rl_gmm_options_init (RlGmmOptions *opts)
{
  memset (opts, 0, sizeof *opts);
  opts->k = 0;
  opts->covariance = RL_COVARIANCE_FULL;
  opts->n_init = 1;
  opts->max_iter = 100;
  opts->tol = 1e-3;
  opts->reg_covar = 1e-6;
  opts->seed = 0;
  opts->n_swap = RL_GMM_SWAP_AUTO;
}

RlGmmModel *
rl_gmm_model_new (RlCovariance covariance,
                  guint        k,
                  guint        d)
{
  RlGmmModel *self = g_new0 (RlGmmModel, 1);

  self->covariance = covariance;
  self->k = k;
  self->d = d;
  self->weights = gsl_vector_calloc (k);
  self->means = gsl_matrix_calloc (k, d);
  self->covariances = gsl_matrix_calloc ((gsize) k * d, d);
  return self;
}

void
rl_gmm_model_free (RlGmmModel *self)
{
  if (self == NULL)
    return;
  gsl_vector_free (self->weights);
  gsl_matrix_free (self->means);
  gsl_matrix_free (self->covariances);
  g_free (self);
}

RlGmmModel *
rl_gmm_model_copy (const RlGmmModel *self)
{
  RlGmmModel *copy = rl_gmm_model_new (self->covariance, self->k, self->d);

  gsl_vector_memcpy (copy->weights, self->weights);
  gsl_matrix_memcpy (copy->means, self->means);
  gsl_matrix_memcpy (copy->covariances, self->covariances);
  copy->n_regularised = self->n_regularised;
  copy->max_extra_reg = self->max_extra_reg;
  return copy;
}

gsl_matrix_view
rl_gmm_model_covariance (RlGmmModel *self,
                         guint       c)
{
  return gsl_matrix_submatrix (self->covariances, (gsize) c * self->d, 0, self->d, self->d);
}

guint
rl_gmm_n_parameters (RlCovariance covariance,
                     guint        k,
                     guint        d)
{
  guint cov = 0;

  switch (covariance)
    {
    case RL_COVARIANCE_FULL:
      cov = k * d * (d + 1) / 2;
      break;
    case RL_COVARIANCE_TIED:
      cov = d * (d + 1) / 2;
      break;
    case RL_COVARIANCE_DIAG:
      cov = k * d;
      break;
    case RL_COVARIANCE_SPHERICAL:
      cov = k;
      break;
    }
  return cov + k * d + k - 1;
}

gboolean
rl_gmm_model_log_likelihood (const RlGmmModel *self,
                             const gsl_matrix *X,
                             double           *log_likelihood,
                             GError          **error)
{
  g_autoptr(RlGmmModel) m = NULL;
  GmmWork w;
  gboolean ok;

  if (!rl_kmeans_check_input (X, 1, error))
    return FALSE;
  g_return_val_if_fail (X->size2 == self->d, FALSE);
  rl_gsl_init ();
  m = rl_gmm_model_copy (self);
  gmm_work_init (&w, X->size1, X->size2, self->k, 0.0);
  ok = compute_precisions (m, &w, FALSE, error);
  if (ok)
    *log_likelihood = e_step (X, m, &w);
  gmm_work_clear (&w);
  return ok;
}

static gboolean
check_options (const RlGmmOptions *opts,
               GError            **error)
{
  if (opts->n_init == 0 || !(opts->tol >= 0.0) || !(opts->reg_covar >= 0.0)
      || opts->covariance > RL_COVARIANCE_SPHERICAL)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "a Gaussian mixture needs n_init >= 1, tol >= 0, reg_covar >= 0 and a known "
                   "covariance type (got %u, %g, %g, %d)",
                   opts->n_init, opts->tol, opts->reg_covar, (int) opts->covariance);
      return FALSE;
    }
  return TRUE;
}

static RlClustering *
make_result (const gsl_matrix *X,
             const RlGmmModel *m,
             gsl_matrix      **resp,
             const GmmRun     *run)
{
  gsize n = X->size1, d = X->size2;
  RlClustering *res = rl_clustering_new ("gmm", n, d, m->k);
  double p = rl_gmm_n_parameters (m->covariance, m->k, d);

  res->responsibilities = g_steal_pointer (resp);
  for (gsize i = 0; i < n; i++)
    {
      gsl_vector_view row = gsl_matrix_row (res->responsibilities, i);
      res->labels[i] = gsl_vector_max_index (&row.vector);
    }
  gsl_matrix_memcpy (res->centers, m->means);
  rl_clustering_update_scores (res, X);
  res->log_likelihood = run->log_likelihood;
  res->bic = -2.0 * run->log_likelihood + p * log ((double) n);
  res->aic = -2.0 * run->log_likelihood + 2.0 * p;
  res->n_iter = run->n_iter;
  res->converged = run->converged;
  return res;
}

gboolean
rl_gmm_fit (const gsl_matrix   *X,
            const RlGmmOptions *opts,
            RlGmmModel        **model,
            RlClustering      **clustering,
            RlProgressFunc      progress,
            gpointer            user_data,
            GCancellable       *cancellable,
            GError            **error)
{
  g_autoptr(RlGmmModel) m = NULL;
  GmmBest best = { NULL, NULL, { 0, FALSE, -INFINITY } };
  guint trials;
  GmmWork w;
  gboolean ok = TRUE;

  if (!rl_kmeans_check_input (X, opts->k, error) || !check_options (opts, error))
    return FALSE;
  rl_gsl_init ();
  m = rl_gmm_model_new (opts->covariance, opts->k, X->size2);
  gmm_work_init (&w, X->size1, X->size2, opts->k, opts->reg_covar);
  best.resp = resp_matrix_alloc (X->size1, opts->k);
  trials = swap_trials (opts, X->size1, X->size2);

  for (guint r = 0; r < opts->n_init && ok; r++)
    {
      GmmRun run = { 0, FALSE, -INFINITY };

      m->n_regularised = 0;
      m->max_extra_reg = 0.0;
      ok = init_from_kmeans (X, opts, r, &w, m, cancellable, error)
           && em_iterate (X, m, &w, opts->max_iter, opts->tol, &run, cancellable, error);
      if (ok)
        keep_if_better (&best, m, &w, &run);
      rl_progress_report (progress, user_data, (r + 1.0) / (opts->n_init + (trials > 0)));
    }
  if (ok && trials > 0)
    ok = swap_search (X, opts, trials, &best, &w, m, cancellable, error);
  if (ok && clustering != NULL)
    *clustering = make_result (X, best.model, &best.resp, &best.run);
  if (ok && model != NULL)
    *model = g_steal_pointer (&best.model);
  g_clear_pointer (&best.model, rl_gmm_model_free);
  g_clear_pointer (&best.resp, gsl_matrix_free);
  gmm_work_clear (&w);
  return ok;
}

RlClustering *
rl_gmm (const gsl_matrix   *X,
        const RlGmmOptions *opts,
        RlProgressFunc      progress,
        gpointer            user_data,
        GCancellable       *cancellable,
        GError            **error)
{
  RlClustering *res = NULL;

  if (!rl_gmm_fit (X, opts, NULL, &res, progress, user_data, cancellable, error))
    return NULL;
  return res;
}
