/* test-rating-uncertainty.c — Monte Carlo rank uncertainty of the need rating
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-error.h"
#include "rl-rating-uncertainty.h"
#include "rl-rng.h"
#include "rl-test.h"

static const RlPolarity polarity[] = {
  RL_POLARITY_POSITIVE, RL_POLARITY_NEGATIVE, RL_POLARITY_POSITIVE, RL_POLARITY_NEGATIVE,
};

/* @n regions × 4 indicators of noise; row 0 is the neediest in every one. */
static gsl_matrix *
make_data (guint n)
{
  g_autoptr(gsl_rng) rng = rl_rng_new (7);
  gsl_matrix *X = gsl_matrix_alloc (n, 4);

  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < 4; j++)
      gsl_matrix_set (X, i, j, 10.0 + gsl_rng_uniform (rng));
  for (guint j = 0; j < 4; j++)
    gsl_matrix_set (X, 0, j, polarity[j] > 0 ? 20.0 : 0.0);
  return X;
}

static RlRatingUncertainty *
run (const gsl_matrix                 *X,
     const RlRatingUncertaintyOptions *opts)
{
  RlRatingOptions base;
  GError *error = NULL;
  RlRatingUncertainty *u;

  rl_rating_options_init (&base);
  base.polarity = polarity;
  u = rl_rating_uncertainty_new (X, &base, opts, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return u;
}

static void
test_deterministic (void)
{
  g_autoptr(gsl_matrix) X = make_data (85);
  g_autoptr(RlRatingUncertainty) a = NULL, b = NULL, c = NULL;
  RlRatingUncertaintyOptions opts;
  gboolean differ = FALSE;

  rl_rating_uncertainty_options_init (&opts);
  opts.seed = 42;
  a = run (X, &opts);
  b = run (X, &opts);
  opts.seed = 43;
  c = run (X, &opts);
  for (guint i = 0; i < 85; i++)
    {
      g_assert_cmpfloat (a->rank_median[i], ==, b->rank_median[i]);
      g_assert_cmpfloat (a->rank_low[i], ==, b->rank_low[i]);
      g_assert_cmpfloat (a->p_top_a[i], ==, b->p_top_a[i]);
      g_assert_cmpfloat (a->p_top_b[i], ==, b->p_top_b[i]);
      differ |= a->p_top_b[i] != c->p_top_b[i];
      g_assert_cmpfloat (a->rank_low[i], <=, a->rank_median[i]);
      g_assert_cmpfloat (a->rank_median[i], <=, a->rank_high[i]);
      g_assert_cmpfloat (a->p_top_a[i], <=, a->p_top_b[i]);
    }
  g_assert_true (differ);
  /* the region neediest in every indicator is first in every run */
  g_assert_cmpfloat (a->rank_high[0], ==, 1.0);
  g_assert_cmpfloat (a->p_top_a[0], ==, 1.0);
}

/* Without variation every run is the base rating: the interval collapses. */
static void
test_no_variation (void)
{
  g_autoptr(gsl_matrix) X = make_data (30);
  g_autoptr(RlRatingUncertainty) u = NULL;
  g_autoptr(RlRating) base = NULL;
  RlRatingUncertaintyOptions opts;
  RlRatingOptions bopts;
  double top10 = 0;

  rl_rating_options_init (&bopts);
  bopts.polarity = polarity;
  base = rl_rating_new (X, &bopts, NULL);
  rl_rating_uncertainty_options_init (&opts);
  opts.runs = 50;
  opts.concentration = 1e12;
  opts.vary_normalize = FALSE;
  opts.p_leave_out = 0.0;
  u = run (X, &opts);
  for (guint i = 0; i < 30; i++)
    {
      g_assert_cmpfloat (u->rank_low[i], ==, base->rank[i]);
      g_assert_cmpfloat (u->rank_median[i], ==, base->rank[i]);
      g_assert_cmpfloat (u->rank_high[i], ==, base->rank[i]);
      g_assert_cmpfloat (u->p_top_a[i], ==, base->rank[i] <= 10 ? 1.0 : 0.0);
      top10 += u->p_top_a[i];
    }
  g_assert_cmpfloat (top10, ==, 10.0);
}

/* Leaving out one of two indicators half the time: a region first on one
 * indicator and last on the other swings between the ends. */
static void
test_leave_out (void)
{
  const double x[] = { 10, 0, 0, 10, 4, 4, 5, 5 };
  const RlPolarity pos[] = { RL_POLARITY_POSITIVE, RL_POLARITY_POSITIVE };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 4, 2);
  RlRatingUncertaintyOptions opts;
  RlRatingOptions base;
  g_autoptr(RlRatingUncertainty) u = NULL;

  rl_rating_options_init (&base);
  base.polarity = pos;
  base.top_red = 1;
  rl_rating_uncertainty_options_init (&opts);
  opts.p_leave_out = 1.0;
  opts.vary_normalize = FALSE;
  opts.top_a = 1;
  u = rl_rating_uncertainty_new (&X.matrix, &base, &opts, NULL, NULL, NULL, NULL);
  g_assert_cmpfloat (u->rank_low[0], ==, 1.0);
  g_assert_cmpfloat (u->rank_high[0], ==, 4.0);
  /* about half of the runs leave out the second indicator */
  g_assert_cmpfloat (fabs (u->p_top_a[0] - 0.5), <, 0.06);
}

static void
test_errors (void)
{
  g_autoptr(gsl_matrix) X = make_data (5);
  RlRatingUncertaintyOptions opts;
  RlRatingOptions base;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GError *error = NULL;

  rl_rating_options_init (&base);
  base.polarity = polarity;
  rl_rating_uncertainty_options_init (&opts);
  opts.runs = 0;
  g_assert_null (rl_rating_uncertainty_new (X, &base, &opts, NULL, NULL, NULL, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
  opts.runs = 10;
  opts.concentration = 0;
  g_assert_null (rl_rating_uncertainty_new (X, &base, &opts, NULL, NULL, NULL, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
  opts.concentration = 50;
  g_cancellable_cancel (cancellable);
  g_assert_null (rl_rating_uncertainty_new (X, &base, &opts, NULL, NULL, cancellable, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_CANCELLED);
  g_clear_error (&error);
}

int
main (int argc, char **argv)
{
  rl_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rating-uncertainty/deterministic", test_deterministic);
  g_test_add_func ("/rating-uncertainty/no-variation", test_no_variation);
  g_test_add_func ("/rating-uncertainty/leave-out", test_leave_out);
  g_test_add_func ("/rating-uncertainty/errors", test_errors);
  return g_test_run ();
}
