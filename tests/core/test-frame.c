/* test-frame.c — frames: missing-value policies, transforms and scaling
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "rl-analysis.h"
#include "rl-error.h"
#include "rl-frame.h"
#include "rl-test.h"

static RlPanel *
load_small (void)
{
  g_autofree char *path = rl_test_data_path ("panel-small.csv");
  g_autoptr(GError) error = NULL;
  RlPanel *p = rl_panel_load (path, &error);

  g_assert_no_error (error);
  return p;
}

static RlFrame *
frame_for (const RlPanel *p,
           int            year,
           RlMissing      missing,
           RlScale        scale)
{
  RlFrameSpec spec;
  g_autoptr(GError) error = NULL;
  RlFrame *f;

  rl_frame_spec_init (&spec);
  spec.year = year;
  spec.missing = missing;
  spec.scale = scale;
  f = rl_frame_new (p, &spec, &error);
  g_assert_no_error (error);
  return f;
}

/* 2020: Alpha misses poverty (20 in 2019, 26 in 2021), Beta has 9, Gamma 15. */
static void
test_missing_policies (void)
{
  g_autoptr(RlPanel) p = load_small ();
  g_autoptr(RlFrame) drop = frame_for (p, 2020, RL_MISSING_DROP, RL_SCALE_NONE);
  g_autoptr(RlFrame) median = frame_for (p, 2020, RL_MISSING_MEDIAN, RL_SCALE_NONE);
  g_autoptr(RlFrame) interp = frame_for (p, 2020, RL_MISSING_INTERPOLATE, RL_SCALE_NONE);

  g_assert_cmpuint (drop->n, ==, 2);
  g_assert_cmpuint (drop->dropped->len, ==, 1);
  g_assert_cmpstr (drop->dropped->pdata[0], ==, "Alpha");
  g_assert_cmpstr (drop->names[0], ==, "Beta");
  g_assert_cmpstr (drop->codes[1], ==, "RU-CCC");
  g_assert_cmpstr (drop->features[1], ==, "poverty");

  g_assert_cmpuint (median->n, ==, 3);
  rl_assert_close (gsl_matrix_get (median->raw, 0, 1), 12.0, 1e-15); /* median of 9 and 15 */
  g_assert_cmpuint (median->n_imputed, ==, 1);

  rl_assert_close (gsl_matrix_get (interp->raw, 0, 1), 23.0, 1e-15); /* halfway 20 → 26 */
}

/* z uses the population standard deviation; min-max maps to [a, b]. */
static void
test_scaling (void)
{
  const double v[] = { 1, 2, 3, 4, 10 };
  g_autoptr(gsl_matrix) X = gsl_matrix_alloc (5, 1);
  double c, s, mean = 4.0, sd = sqrt ((9 + 4 + 1 + 0 + 36) / 5.0);

  for (int i = 0; i < 5; i++)
    gsl_matrix_set (X, i, 0, v[i]);
  rl_scale_columns (X, RL_SCALE_Z, 0, 1, &c, &s);
  rl_assert_close (gsl_matrix_get (X, 4, 0), (10 - mean) / sd, 1e-14);
  rl_assert_close (c, mean, 1e-14);
  rl_assert_close (s, sd, 1e-14);

  for (int i = 0; i < 5; i++)
    gsl_matrix_set (X, i, 0, v[i]);
  rl_scale_columns (X, RL_SCALE_MINMAX, -10, 10, &c, &s);
  rl_assert_close (gsl_matrix_get (X, 0, 0), -10, 1e-14);
  rl_assert_close (gsl_matrix_get (X, 4, 0), 10, 1e-14);
  rl_assert_close (gsl_matrix_get (X, 1, 0), -10 + 20.0 / 9, 1e-14);
  rl_assert_close (gsl_matrix_get (X, 1, 0) * s + c, 2, 1e-14); /* back to original units */

  for (int i = 0; i < 5; i++)
    gsl_matrix_set (X, i, 0, v[i]);
  rl_scale_columns (X, RL_SCALE_ROBUST, 0, 1, &c, &s);
  rl_assert_close (c, 3, 1e-14);   /* median */
  rl_assert_close (s, 2, 1e-14);   /* IQR 4 − 2 (linear quantiles) */

  for (int i = 0; i < 5; i++)
    gsl_matrix_set (X, i, 0, 7.0);   /* a constant column maps to 0, no division by 0 */
  rl_scale_columns (X, RL_SCALE_Z, 0, 1, &c, &s);
  rl_assert_close (gsl_matrix_get (X, 2, 0), 0.0, 0);
}

static void
test_spec_errors (void)
{
  g_autoptr(RlPanel) p = load_small ();
  RlFrameSpec spec;
  g_autoptr(GError) error = NULL;
  g_autoptr(RlFrame) f = NULL;

  rl_frame_spec_init (&spec);
  spec.year = 2020;
  spec.features = g_strsplit ("income,nope", ",", -1);
  f = rl_frame_new (p, &spec, &error);
  g_assert_null (f);
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“nope”"));
  rl_frame_spec_clear (&spec);
  g_clear_error (&error);

  spec.year = 1999;
  f = rl_frame_new (p, &spec, &error);
  g_assert_null (f);
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);

  /* 2021 has poverty only: asking for income too names the empty column. */
  spec.year = 2021;
  spec.features = g_strsplit ("poverty,income", ",", -1);
  f = rl_frame_new (p, &spec, &error);
  g_assert_null (f);
  g_assert_nonnull (strstr (error->message, "“income” has no values in 2021"));
  rl_frame_spec_clear (&spec);
}

static void
test_log_and_parse (void)
{
  g_autoptr(RlPanel) p = load_small ();
  RlFrameSpec spec;
  g_autoptr(GError) error = NULL;
  g_autoptr(RlFrame) f = NULL;
  RlScale scale;
  double a, b;

  rl_frame_spec_init (&spec);
  spec.year = 2019;
  spec.log = TRUE;
  spec.scale = RL_SCALE_NONE;
  f = rl_frame_new (p, &spec, &error);
  g_assert_no_error (error);
  rl_assert_close (gsl_matrix_get (f->X, 0, 0), log (10.0), 1e-15);
  rl_assert_close (gsl_matrix_get (f->raw, 0, 0), 10.0, 0);

  g_assert_true (rl_scale_parse ("minmax:-10:10", &scale, &a, &b));
  g_assert_cmpint (scale, ==, RL_SCALE_MINMAX);
  rl_assert_close (a, -10, 0);
  rl_assert_close (b, 10, 0);
  g_assert_false (rl_scale_parse ("minmax:3:1", &scale, &a, &b));
  g_assert_false (rl_scale_parse ("zz", &scale, &a, &b));
  g_assert_true (rl_scale_parse ("robust", &scale, &a, &b));
}

/* A default choice leaves out the indicator without values in the year and
 * says why; the same indicator chosen by the user is an error. */
static void
test_default_choice (void)
{
  g_autoptr(RlPanel) p = rl_panel_new ();
  guint a = rl_panel_add_indicator (p, "a"), b = rl_panel_add_indicator (p, "b");
  RlFrameSpec spec;
  g_autoptr(RlFrame) f = NULL;
  g_autoptr(GError) error = NULL;

  for (guint r = 0; r < 3; r++)
    {
      char code[8];
      g_snprintf (code, sizeof code, "RU-%c", 'A' + r);
      rl_panel_add_region (p, code, code);
      rl_panel_set (p, r, a, 2020, r + 1.0);
      rl_panel_set (p, r, b, 2019, r * 2.0);
    }
  g_assert_cmpint (rl_analysis_default_year_of_most (p, NULL, &error), ==, 2020);
  g_assert_no_error (error);
  rl_frame_spec_init (&spec);
  spec.year = 2020;
  spec.features = g_strsplit ("b,a", ",", -1);
  spec.features_default = TRUE;
  f = rl_frame_new (p, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->d, ==, 1);
  g_assert_cmpstr (f->features[0], ==, "a");
  g_assert_cmpuint (f->left_out->len, ==, 1);
  g_assert_cmpstr (f->left_out->pdata[0], ==, "b");
  g_assert_cmpstr (f->left_out_reasons->pdata[0], ==, "no values in 2020");
  g_clear_pointer (&f, rl_frame_free);

  spec.features_default = FALSE;
  f = rl_frame_new (p, &spec, &error);
  g_assert_null (f);
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“b” has no values in 2020"));
  g_clear_error (&error);

  spec.features_default = TRUE;
  spec.year = 2019;
  g_strfreev (spec.features);
  spec.features = g_strsplit ("a", ",", -1);
  rl_panel_set (p, 0, a, 2019, NAN);
  f = rl_frame_new (p, &spec, &error);
  g_assert_null (f);
  g_assert_nonnull (strstr (error->message, "none of the 1 indicators has values in 2019"));
  rl_frame_spec_clear (&spec);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/frame/missing-policies", test_missing_policies);
  g_test_add_func ("/frame/scaling", test_scaling);
  g_test_add_func ("/frame/spec-errors", test_spec_errors);
  g_test_add_func ("/frame/log-and-parse", test_log_and_parse);
  g_test_add_func ("/frame/default-choice", test_default_choice);
  return g_test_run ();
}
