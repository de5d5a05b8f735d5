/* rl-rating-uncertainty.c — how much a region's rank depends on the rating's choices
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-rating-uncertainty.h"

#include <math.h>
#include <stdlib.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "rl-error.h"
#include "rl-rng.h"

/* What the runs share: the signed normalised data for every normalisation and
 * the per-run scratch space. */
typedef struct
{
  guint       n, d;
  gsl_matrix *signed_norm[RL_N_NORMALIZE]; /* n × d: polarity · normalised value */
  RlNormalize base_normalize;
  double     *base_weights;                /* d */
  guint      *active;                      /* indicators with a positive base weight */
  guint       n_active;
  double     *alpha, *theta;               /* n_active */
  double     *weights;                     /* d */
  double     *score;                       /* n */
  guint      *rank;                        /* n */
} Workspace;

static void
workspace_clear (Workspace *ws)
{
  for (int m = 0; m < RL_N_NORMALIZE; m++)
    g_clear_pointer (&ws->signed_norm[m], gsl_matrix_free);
  g_free (ws->base_weights);
  g_free (ws->active);
  g_free (ws->alpha);
  g_free (ws->theta);
  g_free (ws->weights);
  g_free (ws->score);
  g_free (ws->rank);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Workspace, workspace_clear)

static void
workspace_init (Workspace                        *ws,
                const gsl_matrix                 *X,
                const RlRatingOptions            *base,
                const RlRating                   *rating,
                const RlRatingUncertaintyOptions *opts)
{
  guint n = X->size1, d = X->size2;
  g_autofree double *column = g_new (double, n);

  *ws = (Workspace) { .n = n, .d = d, .base_normalize = base->normalize };
  for (int m = 0; m < RL_N_NORMALIZE; m++)
    {
      ws->signed_norm[m] = gsl_matrix_alloc (n, d);
      for (guint j = 0; j < d; j++)
        {
          rl_rating_normalize_column (X, j, m, column);
          for (guint i = 0; i < n; i++)
            gsl_matrix_set (ws->signed_norm[m], i, j, (double) base->polarity[j] * column[i]);
        }
    }
  ws->base_weights = g_memdup2 (rating->weights, d * sizeof (double));
  ws->active = g_new (guint, d);
  for (guint j = 0; j < d; j++)
    if (rating->weights[j] > 0.0)
      ws->active[ws->n_active++] = j;
  ws->alpha = g_new (double, d);
  ws->theta = g_new (double, d);
  for (guint a = 0; a < ws->n_active; a++)
    ws->alpha[a] = opts->concentration * rating->weights[ws->active[a]];
  ws->weights = g_new (double, d);
  ws->score = g_new (double, n);
  ws->rank = g_new (guint, n);
}

/* Draws the weights and normalisation of one run into the workspace. */
static RlNormalize
draw_run (Workspace                        *ws,
          const RlRatingUncertaintyOptions *opts,
          gsl_rng                          *rng)
{
  RlNormalize normalize = ws->base_normalize;
  double sum = 0.0;

  if (opts->vary_normalize)
    normalize = gsl_rng_uniform_int (rng, RL_N_NORMALIZE);
  for (guint j = 0; j < ws->d; j++)
    ws->weights[j] = 0.0;
  gsl_ran_dirichlet (rng, ws->n_active, ws->alpha, ws->theta);
  for (guint a = 0; a < ws->n_active; a++)
    ws->weights[ws->active[a]] = ws->theta[a];
  if (ws->n_active >= 2 && gsl_rng_uniform (rng) < opts->p_leave_out)
    ws->weights[ws->active[gsl_rng_uniform_int (rng, ws->n_active)]] = 0.0;
  for (guint j = 0; j < ws->d; j++)
    sum += ws->weights[j];
  for (guint j = 0; j < ws->d && sum > 0.0; j++)
    ws->weights[j] /= sum;
  return normalize;
}

static void
score_run (Workspace   *ws,
           RlNormalize  normalize)
{
  const gsl_matrix *S = ws->signed_norm[normalize];

  for (guint i = 0; i < ws->n; i++)
    {
      const double *row = gsl_matrix_const_ptr (S, i, 0);
      double s = 0.0;
      for (guint j = 0; j < ws->d; j++)
        s += ws->weights[j] * row[j];
      ws->score[i] = s;
    }
  rl_rating_rank_scores (ws->score, ws->n, ws->rank, NULL);
}

static RlRatingUncertainty *
uncertainty_alloc (guint n,
                   guint runs)
{
  RlRatingUncertainty *self = g_new0 (RlRatingUncertainty, 1);

  self->n = n;
  self->runs = runs;
  self->rank_median = g_new0 (double, n);
  self->rank_low = g_new0 (double, n);
  self->rank_high = g_new0 (double, n);
  self->p_top_a = g_new0 (double, n);
  self->p_top_b = g_new0 (double, n);
  return self;
}

/* @ranks holds runs × n ranks, region-major; it is sorted in place. */
static void
summarise (RlRatingUncertainty              *self,
           double                           *ranks,
           const RlRatingUncertaintyOptions *opts)
{
  for (guint i = 0; i < self->n; i++)
    {
      double *r = ranks + (gsize) i * self->runs;
      guint a = 0, b = 0;

      gsl_sort (r, 1, self->runs);
      for (guint t = 0; t < self->runs; t++)
        {
          a += r[t] <= opts->top_a;
          b += r[t] <= opts->top_b;
        }
      self->rank_median[i] = gsl_stats_quantile_from_sorted_data (r, 1, self->runs, 0.5);
      self->rank_low[i] = gsl_stats_quantile_from_sorted_data (r, 1, self->runs, 0.05);
      self->rank_high[i] = gsl_stats_quantile_from_sorted_data (r, 1, self->runs, 0.95);
      self->p_top_a[i] = (double) a / self->runs;
      self->p_top_b[i] = (double) b / self->runs;
    }
}

static gboolean
check_options (const RlRatingUncertaintyOptions *opts,
               GError                          **error)
{
  if (opts->runs == 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "the rank uncertainty needs at least one run");
      return FALSE;
    }
  if (!(opts->concentration > 0.0) || !isfinite (opts->concentration))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "the Dirichlet concentration must be > 0");
      return FALSE;
    }
  if (!(opts->p_leave_out >= 0.0 && opts->p_leave_out <= 1.0))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "the leave-one-out probability must be in "
                   "[0, 1]");
      return FALSE;
    }
  return TRUE;
}

/* Public functions */

void
rl_rating_uncertainty_options_init (RlRatingUncertaintyOptions *opts)
{
  *opts = (RlRatingUncertaintyOptions) {
    .runs = 1000,
    .seed = 0,
    .concentration = 50.0,
    .vary_normalize = TRUE,
    .p_leave_out = 0.5,
    .top_a = 10,
    .top_b = 20,
  };
}

RlRatingUncertainty *
rl_rating_uncertainty_new (const gsl_matrix                 *X,
                           const RlRatingOptions            *base,
                           const RlRatingUncertaintyOptions *opts,
                           RlProgressFunc                    progress,
                           gpointer                          progress_data,
                           GCancellable                     *cancellable,
                           GError                          **error)
{
  g_autoptr(RlRating) rating = NULL;
  g_auto(Workspace) ws = { 0 };
  g_autoptr(gsl_rng) rng = NULL;
  g_autofree double *ranks = NULL;
  RlRatingUncertainty *self;

  if (!check_options (opts, error) || (rating = rl_rating_new (X, base, error)) == NULL)
    return NULL;
  workspace_init (&ws, X, base, rating, opts);
  rng = rl_rng_new (opts->seed);
  ranks = g_new (double, (gsize) ws.n * opts->runs);
  for (guint r = 0; r < opts->runs; r++)
    {
      if (r % 64 == 0 && g_cancellable_is_cancelled (cancellable))
        {
          g_set_error_literal (error, RL_ERROR, RL_ERROR_CANCELLED,
                               "The rank uncertainty was cancelled");
          return NULL;
        }
      score_run (&ws, draw_run (&ws, opts, rng));
      for (guint i = 0; i < ws.n; i++)
        ranks[(gsize) i * opts->runs + r] = ws.rank[i];
      if (r % 64 == 63)
        rl_progress_report (progress, progress_data, (double) (r + 1) / opts->runs);
    }
  self = uncertainty_alloc (ws.n, opts->runs);
  summarise (self, ranks, opts);
  rl_progress_report (progress, progress_data, 1.0);
  return self;
}

void
rl_rating_uncertainty_free (RlRatingUncertainty *self)
{
  if (self == NULL)
    return;
  g_free (self->rank_median);
  g_free (self->rank_low);
  g_free (self->rank_high);
  g_free (self->p_top_a);
  g_free (self->p_top_b);
  g_free (self);
}
