/* rl-correlation.c — Pearson and Spearman correlation with two-sided p-values
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-correlation.h"

#include <math.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sort.h>

#include "rl-error.h"

/* Buffers for one pair of columns of length n, reused over the pairs of a matrix. */
typedef struct
{
  double *xs, *ys;   /* the complete pairs */
  double *rx, *ry;   /* their ranks (Spearman) */
  size_t *order;
} Workspace;

static void
workspace_init (Workspace *ws,
                gsize      n)
{
  ws->xs = g_new (double, MAX (n, 1));
  ws->ys = g_new (double, MAX (n, 1));
  ws->rx = g_new (double, MAX (n, 1));
  ws->ry = g_new (double, MAX (n, 1));
  ws->order = g_new (size_t, MAX (n, 1));
}

static void
workspace_clear (Workspace *ws)
{
  g_free (ws->xs);
  g_free (ws->ys);
  g_free (ws->rx);
  g_free (ws->ry);
  g_free (ws->order);
}

static gboolean
is_constant (const double *x,
             gsize         n)
{
  for (gsize i = 1; i < n; i++)
    if (x[i] != x[0])
      return FALSE;
  return TRUE;
}

/* Pearson r of n ≥ 2 pairs, neither side constant, by two passes over the data. */
static double
pearson_r (const double *x,
           const double *y,
           gsize         n)
{
  double mx = 0, my = 0, sxy = 0, sxx = 0, syy = 0;

  for (gsize i = 0; i < n; i++)
    {
      mx += x[i];
      my += y[i];
    }
  mx /= n;
  my /= n;
  for (gsize i = 0; i < n; i++)
    {
      double dx = x[i] - mx, dy = y[i] - my;

      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
  return CLAMP (sxy / sqrt (sxx * syy), -1.0, 1.0);
}

static void
rank_with_order (const double *x,
                 gsize         n,
                 size_t       *order,
                 double       *ranks)
{
  gsize i = 0;

  gsl_sort_index (order, x, 1, n);
  while (i < n)
    {
      gsize j = i + 1;

      while (j < n && x[order[j]] == x[order[i]])
        j++;
      /* positions i .. j-1 (0-based) share the mean of ranks i+1 .. j */
      for (gsize t = i; t < j; t++)
        ranks[order[t]] = 0.5 * (double) (i + 1 + j);
      i = j;
    }
}

/* Correlation of the complete pairs of (x, y), strided arrays of length n. */
static void
correlate (Workspace          *ws,
           RlCorrelationMethod method,
           const double       *x,
           gsize               x_stride,
           const double       *y,
           gsize               y_stride,
           gsize               n,
           RlCorrelation      *out)
{
  gsize m = 0;

  for (gsize i = 0; i < n; i++)
    {
      double xi = x[i * x_stride], yi = y[i * y_stride];

      if (isnan (xi) || isnan (yi))
        continue;
      ws->xs[m] = xi;
      ws->ys[m] = yi;
      m++;
    }
  out->n = m;
  out->r = out->p = NAN;
  out->status = RL_CORRELATION_OK;
  if (m < 2)
    out->status = RL_CORRELATION_TOO_FEW;
  else if (is_constant (ws->xs, m) || is_constant (ws->ys, m))
    out->status = RL_CORRELATION_CONSTANT;
  if (out->status != RL_CORRELATION_OK)
    return;
  if (method == RL_CORRELATION_SPEARMAN)
    {
      rank_with_order (ws->xs, m, ws->order, ws->rx);
      rank_with_order (ws->ys, m, ws->order, ws->ry);
      out->r = pearson_r (ws->rx, ws->ry, m);
    }
  else
    out->r = pearson_r (ws->xs, ws->ys, m);
  out->p = rl_correlation_p_value (out->r, m);
}

const char *
rl_correlation_method_name (RlCorrelationMethod method)
{
  return method == RL_CORRELATION_SPEARMAN ? "spearman" : "pearson";
}

double
rl_correlation_p_value (double r,
                        guint  n)
{
  double df = (double) n - 2.0, one_minus_r2 = 1.0 - r * r;

  if (n < 2 || isnan (r))
    return NAN;
  if (n == 2)
    return 1.0;
  if (one_minus_r2 <= 0.0)
    return 0.0;
  return 2.0 * gsl_cdf_tdist_Q (fabs (r) * sqrt (df / one_minus_r2), df);
}

void
rl_correlation_rank (const double *x,
                     gsize         n,
                     double       *ranks)
{
  g_autofree size_t *order = g_new (size_t, MAX (n, 1));

  rank_with_order (x, n, order, ranks);
}

gboolean
rl_correlation_pair (RlCorrelationMethod method,
                     const gsl_vector   *x,
                     const gsl_vector   *y,
                     RlCorrelation      *out,
                     GError            **error)
{
  Workspace ws;

  g_return_val_if_fail (x != NULL && y != NULL && out != NULL, FALSE);
  if (x->size != y->size)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "Cannot correlate vectors of different lengths (%zu and %zu)",
                   x->size, y->size);
      return FALSE;
    }
  rl_gsl_init ();
  workspace_init (&ws, x->size);
  correlate (&ws, method, x->data, x->stride, y->data, y->stride, x->size, out);
  workspace_clear (&ws);
  return TRUE;
}

static RlCorrelationMatrix *
correlation_matrix_new (RlCorrelationMethod method,
                        guint               d)
{
  RlCorrelationMatrix *self = g_new0 (RlCorrelationMatrix, 1);

  self->method = method;
  self->d = d;
  self->r = gsl_matrix_alloc (d, d);
  self->p = gsl_matrix_alloc (d, d);
  self->n = g_new0 (guint, (gsize) d * d);
  self->status = g_new0 (RlCorrelationStatus, (gsize) d * d);
  return self;
}

/* Stores one coefficient at (i, j) and (j, i); a column with itself is exactly 1. */
static void
correlation_matrix_store (RlCorrelationMatrix *self,
                          guint                i,
                          guint                j,
                          RlCorrelation       *c)
{
  if (i == j && c->status == RL_CORRELATION_OK)
    {
      c->r = 1.0;
      c->p = c->n > 2 ? 0.0 : 1.0;
    }
  gsl_matrix_set (self->r, i, j, c->r);
  gsl_matrix_set (self->r, j, i, c->r);
  gsl_matrix_set (self->p, i, j, c->p);
  gsl_matrix_set (self->p, j, i, c->p);
  self->n[i * self->d + j] = self->n[j * self->d + i] = c->n;
  self->status[i * self->d + j] = self->status[j * self->d + i] = c->status;
}

RlCorrelationMatrix *
rl_correlation_matrix (RlCorrelationMethod method,
                       const gsl_matrix   *X,
                       GCancellable       *cancellable,
                       GError            **error)
{
  g_autoptr(RlCorrelationMatrix) self = NULL;
  Workspace ws;
  guint d;

  g_return_val_if_fail (X != NULL, NULL);
  rl_gsl_init ();
  d = X->size2;
  self = correlation_matrix_new (method, d);
  workspace_init (&ws, X->size1);
  for (guint i = 0; i < d; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          workspace_clear (&ws);
          g_set_error_literal (error, RL_ERROR, RL_ERROR_CANCELLED, "Correlation was cancelled");
          return NULL;
        }
      for (guint j = i; j < d; j++)
        {
          RlCorrelation c;

          correlate (&ws, method, X->data + i, X->tda, X->data + j, X->tda, X->size1, &c);
          correlation_matrix_store (self, i, j, &c);
        }
    }
  workspace_clear (&ws);
  return g_steal_pointer (&self);
}

void
rl_correlation_matrix_free (RlCorrelationMatrix *self)
{
  if (self == NULL)
    return;
  gsl_matrix_free (self->r);
  gsl_matrix_free (self->p);
  g_free (self->n);
  g_free (self->status);
  g_free (self);
}
