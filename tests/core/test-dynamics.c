/* test-dynamics.c — year-over-year change ratings and the watch list
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-dynamics.h"
#include "rl-error.h"
#include "rl-test.h"

/* Regions A, B, C; poverty (+) and income (−) in 2019–2021; C has no poverty
 * value in 2021. */
static RlPanel *
make_panel (void)
{
  RlPanel *p = rl_panel_new ();
  const double poverty[3][3] = { { 10, 12, 15 }, { 20, 19, 18 }, { 30, 30, NAN } };
  const double income[3][3] = { { 100, 100, 90 }, { 50, 60, 70 }, { 40, 41, 42 } };

  rl_panel_add_region (p, "RU-AAA", "A");
  rl_panel_add_region (p, "RU-BBB", "B");
  rl_panel_add_region (p, "RU-CCC", "C");
  rl_panel_add_indicator (p, "poverty");
  rl_panel_add_indicator (p, "income");
  for (guint r = 0; r < 3; r++)
    for (int y = 0; y < 3; y++)
      {
        rl_panel_set (p, r, 0, 2019 + y, poverty[r][y]);
        rl_panel_set (p, r, 1, 2019 + y, income[r][y]);
      }
  return p;
}

static RlFrame *
changes (const RlPanel *panel,
         int            from,
         int            to)
{
  RlFrameSpec spec;
  GError *error = NULL;
  RlFrame *frame;

  rl_frame_spec_init (&spec);
  spec.scale = RL_SCALE_Z;   /* ignored: changes are in original units */
  frame = rl_dynamics_frame_new (panel, &spec, from, to, &error);
  g_assert_no_error (error);
  return frame;
}

static void
test_year_over_year (void)
{
  g_autoptr(RlPanel) panel = make_panel ();
  g_autoptr(RlFrame) d1 = changes (panel, 2019, 2020);
  g_autoptr(RlFrame) d2 = changes (panel, 2019, 2021);

  g_assert_cmpuint (d1->n, ==, 3);
  g_assert_cmpint (d1->year, ==, 2020);
  g_assert_cmpfloat (gsl_matrix_get (d1->X, 0, 0), ==, 2.0);
  g_assert_cmpfloat (gsl_matrix_get (d1->X, 1, 1), ==, 10.0);
  g_assert_cmpfloat (gsl_matrix_get (d1->raw, 2, 1), ==, 1.0);
  /* two years apart: the change per year; C is dropped */
  g_assert_cmpuint (d2->n, ==, 2);
  g_assert_cmpfloat (gsl_matrix_get (d2->X, 0, 0), ==, 2.5);
  g_assert_cmpfloat (gsl_matrix_get (d2->X, 0, 1), ==, -5.0);
  g_assert_cmpfloat (gsl_matrix_get (d2->X, 1, 0), ==, -1.0);
  g_assert_cmpuint (d2->dropped->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (d2->dropped, 0), ==, "C");
  g_assert_cmpstr (d2->features[1], ==, "income");
}

/* A worsens fastest (poverty up 2.5/yr, income down 5/yr): rank 1. With the
 * levels clustered {A, C} (neediest) and {B}, the watch list of the top 2 is A. */
static void
test_rating_and_watchlist (void)
{
  g_autoptr(RlPanel) panel = make_panel ();
  g_autoptr(RlFrame) d = changes (panel, 2019, 2021);
  const RlPolarity polarity[] = { RL_POLARITY_POSITIVE, RL_POLARITY_NEGATIVE };
  const guint level_rows[] = { 0, 1, 2 }, labels[] = { 1, 0, 1 };
  g_autoptr(RlRating) rating = NULL;
  g_autoptr(GArray) watch = NULL;
  RlRatingOptions opts;

  rl_rating_options_init (&opts);
  opts.polarity = polarity;
  rating = rl_rating_new (d->X, &opts, NULL);
  g_assert_cmpuint (rating->rank[0], ==, 1);
  watch = rl_dynamics_watchlist (level_rows, labels, 3, 1, d->rows, rating, 2);
  g_assert_cmpuint (watch->len, ==, 1);
  g_assert_cmpuint (g_array_index (watch, guint, 0), ==, 0);
  g_clear_pointer (&watch, g_array_unref);
  watch = rl_dynamics_watchlist (level_rows, labels, 3, 0, d->rows, rating, 2);
  g_assert_cmpuint (watch->len, ==, 1);
  g_assert_cmpuint (g_array_index (watch, guint, 0), ==, 1);
}

static void
test_errors (void)
{
  g_autoptr(RlPanel) panel = make_panel ();
  RlFrameSpec spec;
  GError *error = NULL;

  rl_frame_spec_init (&spec);
  g_assert_null (rl_dynamics_frame_new (panel, &spec, 2020, 2020, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (rl_dynamics_frame_new (panel, &spec, 2015, 2020, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2015"));
  g_clear_error (&error);
}

int
main (int argc, char **argv)
{
  rl_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dynamics/year-over-year", test_year_over_year);
  g_test_add_func ("/dynamics/rating-and-watchlist", test_rating_and_watchlist);
  g_test_add_func ("/dynamics/errors", test_errors);
  return g_test_run ();
}
