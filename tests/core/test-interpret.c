/* test-interpret.c — cluster profiles, η per indicator, need order, ARI, co-assignment
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-error.h"
#include "rl-interpret.h"
#include "rl-test.h"
#include "rl-test-json.h"

/* NumPy means, medians and η to 1e-12 relative; sklearn's ARI to 1e-12. */
#define REF_TOL 1e-12

static void
check_matrix (const gsl_matrix *m,
              JsonArray        *rows)
{
  g_autoptr(gsl_matrix) ref = rl_test_json_matrix (rows);

  g_assert_cmpuint (m->size1, ==, ref->size1);
  g_assert_cmpuint (m->size2, ==, ref->size2);
  for (guint i = 0; i < m->size1; i++)
    for (guint j = 0; j < m->size2; j++)
      rl_assert_close_or_nan (gsl_matrix_get (m, i, j), gsl_matrix_get (ref, i, j), REF_TOL, 0);
}

static void
test_numpy_reference (void)
{
  g_autoptr(JsonParser) parser = rl_test_json_load ("interpret-reference.json");
  JsonObject *root = rl_test_json_root (parser);
  g_autoptr(gsl_matrix) X = rl_test_json_matrix (json_object_get_array_member (root, "data"));
  g_autoptr(gsl_vector) need = rl_test_json_vector (json_object_get_array_member (root, "need"));
  g_autoptr(gsl_vector) eta = rl_test_json_vector (json_object_get_array_member (root, "eta"));
  g_autoptr(gsl_vector) cneed = NULL;
  g_autofree guint *labels = NULL, *sizes = NULL, *order = NULL;
  g_autoptr(RlInterpretation) in = NULL;
  guint n, k;
  GError *error = NULL;

  labels = rl_test_json_labels (json_object_get_array_member (root, "labels"), &n);
  sizes = rl_test_json_labels (json_object_get_array_member (root, "sizes"), &k);
  order = rl_test_json_labels (json_object_get_array_member (root, "order"), &k);
  cneed = rl_test_json_vector (json_object_get_array_member (root, "cluster_need"));
  in = rl_interpretation_new (X, labels, k, need, &error);
  g_assert_no_error (error);
  for (guint c = 0; c < k; c++)
    {
      g_assert_cmpuint (in->sizes[c], ==, sizes[c]);
      g_assert_cmpuint (in->order[c], ==, order[c]);
      rl_assert_close_or_nan (in->need[c], gsl_vector_get (cneed, c), REF_TOL, 0);
    }
  g_assert_cmpuint (in->neediest, ==, order[0]);
  check_matrix (in->means, json_object_get_array_member (root, "means"));
  check_matrix (in->medians, json_object_get_array_member (root, "medians"));
  for (guint j = 0; j < X->size2; j++)
    {
      rl_assert_close (in->eta[j], gsl_vector_get (eta, j), REF_TOL);
      g_assert_cmpstr (rl_chaddock_name (in->chaddock[j]), ==, rl_chaddock_label (in->eta[j]));
    }
}

/* Without need scores the clusters keep their order and none is neediest. */
static void
test_without_scores (void)
{
  const double x[] = { 1, 5, 2, 7, 3, NAN };
  const guint labels[] = { 1, 0, 1, 0, 1, 0 };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 6, 1);
  g_autoptr(RlInterpretation) in = rl_interpretation_new (&X.matrix, labels, 2, NULL, NULL);

  g_assert_cmpuint (in->neediest, ==, RL_GROUP_NONE);
  g_assert_cmpuint (in->order[0], ==, 0);
  g_assert_true (isnan (in->need[0]));
  g_assert_cmpfloat (gsl_matrix_get (in->means, 0, 0), ==, 6.0);   /* 5, 7 (NaN left out) */
  g_assert_cmpfloat (gsl_matrix_get (in->medians, 1, 0), ==, 2.0);
  g_assert_cmpuint (in->sizes[0], ==, 3);
}

static void
test_ari_sklearn (void)
{
  g_autoptr(JsonParser) parser = rl_test_json_load ("interpret-reference.json");
  JsonArray *cases = json_object_get_array_member (rl_test_json_root (parser), "ari");

  for (guint t = 0; t < json_array_get_length (cases); t++)
    {
      JsonObject *o = json_array_get_object_element (cases, t);
      guint na, nb;
      g_autofree guint *a = rl_test_json_labels (json_object_get_array_member (o, "a"), &na);
      g_autofree guint *b = rl_test_json_labels (json_object_get_array_member (o, "b"), &nb);

      g_assert_cmpuint (na, ==, nb);
      rl_assert_close (rl_adjusted_rand_index (a, b, na), rl_test_json_double (o, "ari"), REF_TOL);
      rl_assert_close (rl_adjusted_rand_index (b, a, na), rl_test_json_double (o, "ari"), REF_TOL);
    }
}

static void
test_ari_edge_cases (void)
{
  const guint zeros[] = { 0, 0, 0 }, one[] = { 4 };

  g_assert_cmpfloat (rl_adjusted_rand_index (zeros, zeros, 3), ==, 1.0);
  g_assert_cmpfloat (rl_adjusted_rand_index (one, one, 1), ==, 1.0);
  g_assert_cmpfloat (rl_adjusted_rand_index (NULL, NULL, 0), ==, 1.0);
}

/* Labelings of 4 rows: {01}{23}, {012}{3}, {01}{23} relabelled, then one with row 1 left out. */
static void
test_coassignment (void)
{
  const guint l1[] = { 0, 0, 1, 1 }, l2[] = { 0, 0, 0, 1 }, l3[] = { 1, 1, 0, 0 };
  const guint l4[] = { 0, RL_GROUP_NONE, 0, 1 }, ref[] = { 0, 0, 1, 1 }, alone[] = { 0, 1, 1, 1 };
  g_autoptr(RlCoassignment) co = rl_coassignment_new (4);
  double s[4];
  GError *error = NULL;

  g_assert_true (rl_coassignment_add (co, l1, 4, NULL));
  g_assert_true (rl_coassignment_add (co, l2, 4, NULL));
  g_assert_true (rl_coassignment_add (co, l3, 4, NULL));
  g_assert_true (rl_coassignment_add (co, l4, 4, NULL));
  g_assert_cmpuint (co->n_labelings, ==, 4);
  g_assert_cmpfloat (rl_coassignment_fraction (co, 0, 1), ==, 1.0);        /* 3 of 3 */
  rl_assert_close (rl_coassignment_fraction (co, 0, 2), 0.5, 1e-15);      /* 2 of 4 */
  rl_assert_close (rl_coassignment_fraction (co, 2, 3), 0.5, 1e-15);      /* 2 of 4 */
  rl_assert_close (rl_coassignment_fraction (co, 1, 2), 1.0 / 3.0, 1e-15);
  g_assert_cmpfloat (rl_coassignment_fraction (co, 3, 3), ==, 1.0);

  g_assert_true (rl_coassignment_stability (co, ref, 4, s, NULL));
  g_assert_cmpfloat (s[0], ==, 1.0);
  rl_assert_close (s[2], 0.5, 1e-15);
  g_assert_true (rl_coassignment_stability (co, alone, 4, s, NULL));
  g_assert_true (isnan (s[0]));                                           /* alone in cluster 0 */
  rl_assert_close (s[1], (1.0 / 3.0 + 0.0) / 2.0, 1e-15);                 /* with 2 and 3 */

  g_assert_false (rl_coassignment_add (co, l1, 3, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
}

static void
test_degenerate (void)
{
  const double x[] = { 3, 3, 3 };
  const guint labels[] = { 0, 0, 2 };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 3, 1);
  g_autoptr(gsl_vector) need = gsl_vector_alloc (2);
  RlInterpretation *in;
  GError *error = NULL;

  in = rl_interpretation_new (&X.matrix, labels, 3, NULL, &error);   /* constant column */
  g_assert_no_error (error);
  g_assert_cmpint (in->eta_status[0], ==, RL_GROUPING_CONSTANT);
  g_assert_true (isnan (in->eta[0]));
  g_assert_true (isnan (gsl_matrix_get (in->medians, 1, 0)));         /* empty cluster */
  rl_interpretation_free (in);

  g_assert_null (rl_interpretation_new (&X.matrix, labels, 2, NULL, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (rl_interpretation_new (&X.matrix, labels, 3, need, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/interpret/numpy-reference", test_numpy_reference);
  g_test_add_func ("/interpret/without-scores", test_without_scores);
  g_test_add_func ("/interpret/ari-sklearn", test_ari_sklearn);
  g_test_add_func ("/interpret/ari-edge-cases", test_ari_edge_cases);
  g_test_add_func ("/interpret/coassignment", test_coassignment);
  g_test_add_func ("/interpret/degenerate", test_degenerate);
  return g_test_run ();
}
