/* test-correlation.c — Pearson and Spearman coefficients, p-values, NaN handling
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-correlation.h"
#include "rl-error.h"
#include "rl-test.h"
#include "rl-test-json.h"

/* r to 1e-10 absolute, p to 1e-8 relative (scipy's own rounding is far smaller). */
#define R_TOL 1e-10
#define P_REL 1e-8

static void
check_against (RlCorrelationMatrix *m,
               JsonArray           *pairs)
{
  for (guint t = 0; t < json_array_get_length (pairs); t++)
    {
      JsonObject *o = json_array_get_object_element (pairs, t);
      guint i = json_object_get_int_member (o, "i"), j = json_object_get_int_member (o, "j");

      g_assert_cmpuint (m->n[i * m->d + j], ==, json_object_get_int_member (o, "n"));
      rl_assert_close_or_nan (gsl_matrix_get (m->r, i, j), rl_test_json_double (o, "r"), 0, R_TOL);
      rl_assert_close_or_nan (gsl_matrix_get (m->r, j, i), rl_test_json_double (o, "r"), 0, R_TOL);
      rl_assert_close_or_nan (gsl_matrix_get (m->p, i, j), rl_test_json_double (o, "p"), P_REL, 0);
    }
}

/* Every pair of columns against scipy.stats.pearsonr / spearmanr on the complete pairs. */
static void
test_scipy_reference (void)
{
  g_autoptr(JsonParser) parser = rl_test_json_load ("correlation-reference.json");
  JsonObject *root = rl_test_json_root (parser);
  g_autoptr(gsl_matrix) X = rl_test_json_matrix (json_object_get_array_member (root, "data"));
  g_autoptr(RlCorrelationMatrix) pearson = NULL;
  g_autoptr(RlCorrelationMatrix) spearman = NULL;
  GError *error = NULL;

  pearson = rl_correlation_matrix (RL_CORRELATION_PEARSON, X, NULL, &error);
  g_assert_no_error (error);
  spearman = rl_correlation_matrix (RL_CORRELATION_SPEARMAN, X, NULL, &error);
  g_assert_no_error (error);
  check_against (pearson, json_object_get_array_member (root, "pearson"));
  check_against (spearman, json_object_get_array_member (root, "spearman"));
  for (guint i = 0; i < X->size2; i++)
    {
      g_assert_cmpfloat (gsl_matrix_get (pearson->r, i, i), ==, 1.0);
      g_assert_cmpfloat (gsl_matrix_get (spearman->p, i, i), ==, 0.0);
    }
}

/* y = x² on x = 1..5: Spearman is exactly 1; Pearson by hand is 0.98110491… */
static void
test_by_hand (void)
{
  const double x[] = { 1, 2, 3, 4, 5 }, y[] = { 1, 4, 9, 16, 25 };
  gsl_vector_const_view vx = gsl_vector_const_view_array (x, 5);
  gsl_vector_const_view vy = gsl_vector_const_view_array (y, 5);
  RlCorrelation c;

  g_assert_true (rl_correlation_pair (RL_CORRELATION_SPEARMAN, &vx.vector, &vy.vector, &c, NULL));
  g_assert_cmpfloat (c.r, ==, 1.0);
  g_assert_cmpfloat (c.p, ==, 0.0);
  g_assert_true (rl_correlation_pair (RL_CORRELATION_PEARSON, &vx.vector, &vy.vector, &c, NULL));
  /* Sxy = 60, Sxx = 10, Syy = 374: r = 60 / √3740 */
  rl_assert_close (c.r, 60.0 / sqrt (3740.0), 1e-15);
  g_assert_cmpuint (c.n, ==, 5);
}

static void
test_ranks_with_ties (void)
{
  const double x[] = { 10, 20, 10, 30, 20, 10 };
  const double expected[] = { 2, 4.5, 2, 6, 4.5, 2 };
  double ranks[6];

  rl_correlation_rank (x, 6, ranks);
  for (guint i = 0; i < 6; i++)
    g_assert_cmpfloat (ranks[i], ==, expected[i]);
}

/* n = 1, n = 2, a constant column, NaN everywhere, different lengths. */
static void
test_degenerate (void)
{
  const double x[] = { 1, 2, NAN, 4 }, y[] = { 3, NAN, 5, 1 }, k[] = { 7, 7, 7, 7 };
  gsl_vector_const_view vx = gsl_vector_const_view_array (x, 4);
  gsl_vector_const_view vy = gsl_vector_const_view_array (y, 4);
  gsl_vector_const_view vk = gsl_vector_const_view_array (k, 4);
  gsl_vector_const_view v1 = gsl_vector_const_view_array (x, 1);
  GError *error = NULL;
  RlCorrelation c;

  /* complete pairs (1, 3) and (4, 1): r = −1, p = 1 */
  g_assert_true (rl_correlation_pair (RL_CORRELATION_PEARSON, &vx.vector, &vy.vector, &c, NULL));
  g_assert_cmpuint (c.n, ==, 2);
  g_assert_cmpfloat (c.r, ==, -1.0);
  g_assert_cmpfloat (c.p, ==, 1.0);
  g_assert_true (rl_correlation_pair (RL_CORRELATION_SPEARMAN, &vx.vector, &vk.vector, &c, NULL));
  g_assert_cmpint (c.status, ==, RL_CORRELATION_CONSTANT);
  g_assert_true (isnan (c.r) && isnan (c.p));
  g_assert_true (rl_correlation_pair (RL_CORRELATION_PEARSON, &v1.vector, &v1.vector, &c, NULL));
  g_assert_cmpint (c.status, ==, RL_CORRELATION_TOO_FEW);
  g_assert_true (isnan (c.r));
  g_assert_false (rl_correlation_pair (RL_CORRELATION_PEARSON, &vx.vector, &v1.vector, &c,
                                       &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
}

/* A one-row matrix: every entry is undefined, nothing crashes. */
static void
test_single_row_matrix (void)
{
  g_autoptr(gsl_matrix) X = gsl_matrix_alloc (1, 3);
  g_autoptr(RlCorrelationMatrix) m = NULL;

  gsl_matrix_set_all (X, 2.0);
  m = rl_correlation_matrix (RL_CORRELATION_SPEARMAN, X, NULL, NULL);
  g_assert_nonnull (m);
  g_assert_true (isnan (gsl_matrix_get (m->r, 0, 2)));
  g_assert_cmpint (m->status[2], ==, RL_CORRELATION_TOO_FEW);
}

static void
test_cancelled (void)
{
  g_autoptr(gsl_matrix) X = gsl_matrix_calloc (4, 2);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GError *error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_null (rl_correlation_matrix (RL_CORRELATION_PEARSON, X, cancellable, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_CANCELLED);
  g_clear_error (&error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/correlation/scipy-reference", test_scipy_reference);
  g_test_add_func ("/correlation/by-hand", test_by_hand);
  g_test_add_func ("/correlation/ranks-with-ties", test_ranks_with_ties);
  g_test_add_func ("/correlation/degenerate", test_degenerate);
  g_test_add_func ("/correlation/single-row-matrix", test_single_row_matrix);
  g_test_add_func ("/correlation/cancelled", test_cancelled);
  return g_test_run ();
}
