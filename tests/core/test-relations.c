/* test-relations.c — r, ρ and η of a target with every other indicator, ranked
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-error.h"
#include "rl-relations.h"
#include "rl-test.h"
#include "rl-test-json.h"

static void
check_rows (const RlRelations *rel,
            JsonArray         *rows)
{
  g_assert_cmpuint (rel->n_relations, ==, json_array_get_length (rows));
  for (guint r = 0; r < rel->n_relations; r++)
    {
      JsonObject *o = json_array_get_object_element (rows, r);
      const RlRelation *x = &rel->rows[r];

      g_assert_cmpstr (x->feature, ==, json_object_get_string_member (o, "feature"));
      g_assert_cmpuint (x->n, ==, json_object_get_int_member (o, "n"));
      /* r to 1e-10, p to 1e-8 relative (scipy), η to 1e-12 relative (NumPy) */
      rl_assert_close_or_nan (x->pearson.r, rl_test_json_double (o, "pearson"), 0, 1e-10);
      rl_assert_close_or_nan (x->pearson.p, rl_test_json_double (o, "pearson_p"), 1e-8, 0);
      rl_assert_close_or_nan (x->spearman.r, rl_test_json_double (o, "spearman"), 0, 1e-10);
      rl_assert_close_or_nan (x->spearman.p, rl_test_json_double (o, "spearman_p"), 1e-8, 0);
      rl_assert_close_or_nan (x->eta, rl_test_json_double (o, "eta"), 1e-12, 1e-15);
      g_assert_cmpstr (rl_chaddock_name (x->chaddock), ==, rl_chaddock_label (x->eta));
    }
}

static const char **
names_of (JsonObject *root)
{
  JsonArray *a = json_object_get_array_member (root, "names");
  const char **names = g_new0 (const char *, json_array_get_length (a) + 1);

  for (guint i = 0; i < json_array_get_length (a); i++)
    names[i] = json_array_get_string_element (a, i);
  return names;
}

static void
test_scipy_reference (void)
{
  g_autoptr(JsonParser) parser = rl_test_json_load ("relations-reference.json");
  JsonObject *root = rl_test_json_root (parser);
  JsonObject *single = json_object_get_object_member (root, "single");
  g_autoptr(gsl_matrix) X = rl_test_json_matrix (json_object_get_array_member (single, "data"));
  g_autofree const char **names = names_of (root);
  const char *target = json_object_get_string_member (root, "target");
  GError *error = NULL;
  g_autoptr(RlRelations) rel = rl_relations_new (X, names, target, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rel->target_column, ==, 0);
  g_assert_cmpuint (rel->n_rows, ==, 50);
  check_rows (rel, json_object_get_array_member (single, "rows"));
  g_assert_cmpuint (rel->rows[0].n_groups, ==, rl_grouping_sturges_k (49));
}

/* Two years stacked: the same numbers as scipy on np.vstack. */
static void
test_pooled (void)
{
  g_autoptr(JsonParser) parser = rl_test_json_load ("relations-reference.json");
  JsonObject *root = rl_test_json_root (parser);
  JsonObject *pooled = json_object_get_object_member (root, "pooled");
  JsonArray *years = json_object_get_array_member (pooled, "years");
  g_autoptr(gsl_matrix) y1 = rl_test_json_matrix (json_array_get_array_element (years, 0));
  g_autoptr(gsl_matrix) y2 = rl_test_json_matrix (json_array_get_array_element (years, 1));
  const gsl_matrix *Xs[] = { y1, y2 };
  g_autofree const char **names = names_of (root);
  GError *error = NULL;
  g_autoptr(RlRelations) rel = NULL;

  rel = rl_relations_new_pooled (Xs, 2, names, "poverty_percent", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rel->n_rows, ==, 60);
  g_assert_cmpuint (rel->n_matrices, ==, 2);
  check_rows (rel, json_object_get_array_member (pooled, "rows"));
}

/* y = 1..4 against a = 2y (r = 1), b = 5 − y (r = −1), c = 1,1,2,2 (r = 2/√5):
 * a and b tie on |r|, |ρ| and η, so column order decides. */
static void
test_by_hand_ranking (void)
{
  const double x[] = {
    1, 1, 2, 4,
    2, 1, 4, 3,
    3, 2, 6, 2,
    4, 2, 8, 1,
  };
  const char *names[] = { "y", "c", "a", "b" };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 4, 4);
  g_autoptr(RlRelations) rel = rl_relations_new (&X.matrix, names, "y", NULL, NULL);

  g_assert_cmpuint (rel->n_relations, ==, 3);
  g_assert_cmpstr (rel->rows[0].feature, ==, "a");
  g_assert_cmpstr (rel->rows[1].feature, ==, "b");
  g_assert_cmpstr (rel->rows[2].feature, ==, "c");
  g_assert_cmpfloat (rel->rows[0].pearson.r, ==, 1.0);
  g_assert_cmpfloat (rel->rows[1].spearman.r, ==, -1.0);
  rl_assert_close (rel->rows[2].pearson.r, 2.0 / sqrt (5.0), 1e-15);
  g_assert_cmpuint (rel->rows[2].column, ==, 1);
}

/* An unknown target, mismatched years, a constant target, a single row. */
static void
test_degenerate (void)
{
  const char *names[] = { "y", "x" };
  g_autoptr(gsl_matrix) A = gsl_matrix_alloc (3, 2);
  g_autoptr(gsl_matrix) B = gsl_matrix_alloc (3, 3);
  g_autoptr(gsl_matrix) one = gsl_matrix_alloc (1, 2);
  const gsl_matrix *Xs[] = { A, B };
  GError *error = NULL;
  RlRelations *rel;

  gsl_matrix_set_all (A, 1.0);
  gsl_matrix_set (A, 0, 1, 5.0);
  g_assert_null (rl_relations_new (A, names, "z", NULL, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (rl_relations_new_pooled (Xs, 2, names, "y", NULL, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);

  rel = rl_relations_new (A, names, "y", NULL, &error);   /* y is constant */
  g_assert_no_error (error);
  g_assert_cmpint (rel->rows[0].pearson.status, ==, RL_CORRELATION_CONSTANT);
  g_assert_cmpint (rel->rows[0].eta_status, ==, RL_GROUPING_CONSTANT);
  g_assert_true (isnan (rel->rows[0].eta));
  rl_relations_free (rel);

  gsl_matrix_set_all (one, 2.0);
  rel = rl_relations_new (one, names, "x", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rel->rows[0].n, ==, 1);
  g_assert_cmpint (rel->rows[0].spearman.status, ==, RL_CORRELATION_TOO_FEW);
  rl_relations_free (rel);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/relations/scipy-reference", test_scipy_reference);
  g_test_add_func ("/relations/pooled", test_pooled);
  g_test_add_func ("/relations/by-hand-ranking", test_by_hand_ranking);
  g_test_add_func ("/relations/degenerate", test_degenerate);
  return g_test_run ();
}
