/* rl-rating-uncertainty.h — how much a region's rank depends on the rating's choices
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rl-progress.h"
#include "rl-rating.h"

G_BEGIN_DECLS

/* Monte Carlo over the choices a rating makes. Each run:
 *
 * 1. weights: a draw from the Dirichlet distribution with parameters
 *    α_j = concentration · w_j, where w are the base rating's weights (equal,
 *    user-set or PCA-based, summing to 1). Its mean is w and the spread of
 *    each weight is sd(w_j) = √(w_j (1 − w_j) / (concentration + 1)).
 *    Indicators with a zero base weight keep weight 0.
 * 2. normalisation: with @vary_normalize, one of z, min-max and rank with
 *    equal probability; otherwise the base rating's.
 * 3. leave one out: with probability @p_leave_out (and when at least two
 *    indicators have weight), one indicator with weight, chosen uniformly,
 *    gets weight 0 and the others are renormalised to sum 1.
 *
 * The runs use one Mersenne Twister seeded with @seed, so the result depends
 * only on the data, the options and the seed. */
typedef struct
{
  guint    runs;            /* 1000 */
  guint64  seed;            /* 0 */
  double   concentration;   /* 50: for 6 equal weights, each weight varies by about ±30 % */
  gboolean vary_normalize;  /* TRUE */
  double   p_leave_out;     /* 0.5 */
  guint    top_a;           /* 10 */
  guint    top_b;           /* 20 */
} RlRatingUncertaintyOptions;

/* Per region (row of the rating's input): the distribution of its rank over
 * the runs. Quantiles are those of NumPy's default (linear interpolation
 * between order statistics). */
typedef struct
{
  guint   n, runs;
  double *rank_median;  /* n */
  double *rank_low;     /* n: 5 % quantile: the low end of the 90 % interval */
  double *rank_high;    /* n: 95 % quantile */
  double *p_top_a;      /* n: share of runs with rank ≤ top_a (the top 10) */
  double *p_top_b;      /* n: share of runs with rank ≤ top_b (the top 20) */
} RlRatingUncertainty;

void                 rl_rating_uncertainty_options_init (RlRatingUncertaintyOptions *opts);

/* @X and @base as for rl_rating_new(). */
RlRatingUncertainty *rl_rating_uncertainty_new  (const gsl_matrix                 *X,
                                                 const RlRatingOptions            *base,
                                                 const RlRatingUncertaintyOptions *opts,
                                                 RlProgressFunc                    progress,
                                                 gpointer                          progress_data,
                                                 GCancellable                     *cancellable,
                                                 GError                          **error);
void                 rl_rating_uncertainty_free (RlRatingUncertainty *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlRatingUncertainty, rl_rating_uncertainty_free)

G_END_DECLS
