/* test-synth.c — the synthetic auxiliary set of the evolutionary clustering paper
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-synth.h"
#include "rl-test.h"

#include <glib/gstdio.h>

static const char *const names[] = { "x", "y" };

static void
test_shape (void)
{
  g_autofree double *centres = NULL;
  g_autoptr(gsl_matrix) X = rl_synth_paper_auxiliary (1, &centres);

  g_assert_cmpuint (X->size1, ==, 350);
  g_assert_cmpuint (X->size2, ==, 2);
  for (guint c = 0; c < 7; c++)
    {
      double mean[2] = { 0, 0 }, var[2] = { 0, 0 };

      for (guint j = 0; j < 2; j++)
        {
          g_assert_cmpfloat (fabs (centres[2 * c + j]), <=, 30.0);
          for (guint p = 0; p < 50; p++)
            mean[j] += gsl_matrix_get (X, 50 * c + p, j) / 50;
          for (guint p = 0; p < 50; p++)
            var[j] += pow (gsl_matrix_get (X, 50 * c + p, j) - mean[j], 2) / 49;
          /* the mean of 50 draws lies within 5 standard errors (5 · 4.5 / √50 ≈ 3.2) */
          g_assert_cmpfloat (fabs (mean[j] - centres[2 * c + j]), <, 3.2);
          /* sample standard deviation of 50 draws: 4.5 ± 5 · 0.45 */
          g_assert_cmpfloat (fabs (sqrt (var[j]) - 4.5), <, 2.25);
        }
    }
}

static void
test_deterministic (void)
{
  g_autoptr(gsl_matrix) a = rl_synth_paper_auxiliary (5, NULL);
  g_autoptr(gsl_matrix) b = rl_synth_paper_auxiliary (5, NULL);
  g_autoptr(gsl_matrix) c = rl_synth_paper_auxiliary (6, NULL);

  g_assert_true (gsl_matrix_equal (a, b));
  g_assert_false (gsl_matrix_equal (a, c));
}

/* The stored copy for seed 1 (used by test-evolve and its reference script) is what the
 * generator writes today. */
static void
test_csv (void)
{
  g_autoptr(gsl_matrix) X = rl_synth_paper_auxiliary (1, NULL);
  g_autofree char *text = rl_synth_to_csv (X, names);
  g_autofree char *path = rl_test_data_path ("paper-auxiliary-seed1.csv");
  g_autofree char *stored = NULL;
  g_autofree char *tmp = g_build_filename (g_get_tmp_dir (), "rl-test-synth.csv", NULL);
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_str_has_prefix (text, "region,x,y\np001,"));
  g_assert_nonnull (strstr (text, "\np350,"));
  g_assert_true (g_file_get_contents (path, &stored, NULL, NULL));
  g_assert_cmpstr (text, ==, stored);

  g_assert_true (rl_synth_write_csv (X, names, tmp, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (tmp, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, text);
  g_unlink (tmp);

  g_assert_false (rl_synth_write_csv (X, names, "/nonexistent/dir/x.csv", &error));
  g_assert_nonnull (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/synth/auxiliary/shape", test_shape);
  g_test_add_func ("/synth/auxiliary/deterministic", test_deterministic);
  g_test_add_func ("/synth/auxiliary/csv", test_csv);
  return g_test_run ();
}
