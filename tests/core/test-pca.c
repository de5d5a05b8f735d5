/* test-pca.c — principal components against scikit-learn and by hand
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/data/pca-reference.json comes from scikit-learn 1.2.1's
 * PCA(svd_solver="full") (see make-hclust-pca-validity-reference.py).
 * Variances, singular values and means agree within 1e-8 relative;
 * components and scores within 1e-8 up to the sign of each component
 * (and with the same sign, as both follow svd_flip). Components of zero
 * variance are arbitrary and only checked to be unit vectors.
 */
#include <gsl/gsl_blas.h>
#include "rl-error.h"
#include "rl-pca.h"
#include "rl-test-json.h"

#define TOL 1e-8

static void
check_column (const gsl_matrix *got,
              const gsl_matrix *want,
              gsize             c,
              double            scale)
{
  for (gsize i = 0; i < got->size1; i++)
    rl_assert_close (gsl_matrix_get (got, i, c) / scale, gsl_matrix_get (want, i, c) / scale, TOL);
}

static void
check_set (JsonObject *ref)
{
  g_autoptr(gsl_matrix) X = rl_test_json_member_matrix (ref, "X");
  g_autoptr(gsl_matrix) comp = rl_test_json_member_matrix (ref, "components");
  g_autoptr(gsl_matrix) scores = rl_test_json_member_matrix (ref, "scores");
  g_autoptr(gsl_vector) var = rl_test_json_member_vector (ref, "explained_variance");
  g_autoptr(gsl_vector) ratio = rl_test_json_member_vector (ref, "explained_variance_ratio");
  g_autoptr(gsl_vector) sv = rl_test_json_member_vector (ref, "singular_values");
  g_autoptr(gsl_vector) mean = rl_test_json_member_vector (ref, "mean");
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPca) pca = rl_pca (X, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (pca->m, ==, MIN (X->size1, X->size2));
  g_assert_cmpuint (mean->size, ==, X->size2);
  g_assert_cmpuint (var->size, ==, pca->m);
  g_assert_cmpuint (ratio->size, ==, pca->m);
  g_assert_cmpuint (sv->size, ==, pca->m);
  for (gsize j = 0; j < X->size2; j++)
    rl_assert_close (gsl_vector_get (pca->mean, j), gsl_vector_get (mean, j), TOL);
  for (gsize c = 0; c < pca->m; c++)
    {
      gsl_vector_view v = gsl_matrix_column (pca->components, c);

      rl_assert_close (gsl_vector_get (pca->explained_variance, c), gsl_vector_get (var, c), TOL);
      rl_assert_close (gsl_vector_get (pca->explained_variance_ratio, c),
                       gsl_vector_get (ratio, c), TOL);
      rl_assert_close (gsl_vector_get (pca->singular_values, c), gsl_vector_get (sv, c), TOL);
      rl_assert_close (gsl_blas_dnrm2 (&v.vector), 1.0, 1e-12);
      if (gsl_vector_get (var, c) <= 1e-10 * gsl_vector_get (var, 0))
        continue;
      check_column (pca->components, comp, c, 1.0);
      check_column (pca->scores, scores, c, gsl_vector_get (sv, c));
    }
}

static void
test_against_sklearn (void)
{
  g_autoptr(JsonParser) parser = rl_test_json_load ("pca-reference.json");
  JsonObject *root = rl_test_json_root (parser);
  const char *sets[] = { "tall", "wide", "const" };

  for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
    {
      g_test_message ("%s", sets[s]);
      check_set (json_object_get_object_member (root, sets[s]));
    }
}

/* Points on the line y = 2x: one component along (1, 2)/√5, no variance left. */
static void
test_line_by_hand (void)
{
  const double x[] = { 0, 0, 1, 2, 2, 4, 4, 8 };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 4, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPca) pca = rl_pca (&X.matrix, 1, &error);
  g_autoptr(gsl_matrix) proj = NULL;
  double var = 8.75 * 5.0 / 3;  /* Σ (t − 1.75)² · 5 / (n − 1), t = 0, 1, 2, 4 */

  g_assert_no_error (error);
  g_assert_cmpuint (pca->m, ==, 1);
  rl_assert_close (fabs (gsl_matrix_get (pca->components, 0, 0)), 1 / sqrt (5), 1e-14);
  rl_assert_close (fabs (gsl_matrix_get (pca->components, 1, 0)), 2 / sqrt (5), 1e-14);
  rl_assert_close (gsl_vector_get (pca->explained_variance, 0), var, 1e-14);
  rl_assert_close (gsl_vector_get (pca->explained_variance_ratio, 0), 1.0, 1e-14);
  rl_assert_close (pca->total_variance, var, 1e-14);
  /* svd_flip: the largest score in magnitude, the last (2.25 √5), is positive. */
  rl_assert_close (gsl_matrix_get (pca->scores, 3, 0), 2.25 * sqrt (5), 1e-14);
  rl_assert_close (gsl_matrix_get (pca->scores, 0, 0), -1.75 * sqrt (5), 1e-14);
  proj = rl_pca_transform (pca, &X.matrix, &error);
  g_assert_no_error (error);
  for (gsize i = 0; i < 4; i++)
    rl_assert_close (gsl_matrix_get (proj, i, 0), gsl_matrix_get (pca->scores, i, 0), 1e-13);
}

static void
test_degenerate (void)
{
  const double one[] = { 1, 2, 3 };
  const double nan_x[] = { 0, 1, NAN, 3 };
  const double same[] = { 1, 2, 1, 2, 1, 2 };
  gsl_matrix_const_view X1 = gsl_matrix_const_view_array (one, 1, 3);
  gsl_matrix_const_view Xn = gsl_matrix_const_view_array (nan_x, 2, 2);
  gsl_matrix_const_view Xs = gsl_matrix_const_view_array (same, 3, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPca) pca = NULL;
  g_autoptr(gsl_matrix) wrong = gsl_matrix_calloc (2, 3);

  g_assert_null (rl_pca (&X1.matrix, 0, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (rl_pca (&Xn.matrix, 0, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (rl_pca (&Xs.matrix, 3, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);

  /* Identical rows: no variance at all, well defined zeros. */
  pca = rl_pca (&Xs.matrix, 0, &error);
  g_assert_no_error (error);
  rl_assert_close (pca->total_variance, 0.0, 0);
  for (gsize c = 0; c < pca->m; c++)
    {
      rl_assert_close (gsl_vector_get (pca->explained_variance_ratio, c), 0.0, 0);
      for (gsize i = 0; i < 3; i++)
        rl_assert_close (gsl_matrix_get (pca->scores, i, c), 0.0, 0);
    }
  g_assert_null (rl_pca_transform (pca, wrong, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pca/against-sklearn", test_against_sklearn);
  g_test_add_func ("/pca/line-by-hand", test_line_by_hand);
  g_test_add_func ("/pca/degenerate", test_degenerate);
  return g_test_run ();
}
