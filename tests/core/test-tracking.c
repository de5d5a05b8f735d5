/* test-tracking.c — Hungarian assignment and cluster tracking between years
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-error.h"
#include "rl-grouping.h"
#include "rl-tracking.h"
#include "rl-test.h"
#include "rl-test-json.h"

/* The optimal total cost of scipy.optimize.linear_sum_assignment
 * (tests/data/make-tracking-reference.py), to 1e-12 relative. */
static void
test_scipy_reference (void)
{
  g_autoptr(JsonParser) parser = rl_test_json_load ("tracking-reference.json");
  JsonArray *cases = json_object_get_array_member (rl_test_json_root (parser), "cases");

  g_assert_cmpuint (json_array_get_length (cases), ==, 9);
  for (guint c = 0; c < json_array_get_length (cases); c++)
    {
      JsonObject *ref = json_array_get_object_element (cases, c);
      g_autoptr(gsl_matrix) cost = rl_test_json_matrix (json_object_get_array_member (ref, "cost"));
      g_autofree guint *assignment = g_new (guint, cost->size1);
      g_autofree gboolean *taken = g_new0 (gboolean, cost->size2);
      double total = 0.0;
      guint matched = 0;
      GError *error = NULL;

      g_assert_true (rl_hungarian (cost, assignment, &error));
      g_assert_no_error (error);
      for (guint i = 0; i < cost->size1; i++)
        {
          if (assignment[i] == RL_GROUP_NONE)
            continue;
          g_assert_cmpuint (assignment[i], <, cost->size2);
          g_assert_false (taken[assignment[i]]);
          taken[assignment[i]] = TRUE;
          total += gsl_matrix_get (cost, i, assignment[i]);
          matched++;
        }
      g_assert_cmpuint (matched, ==, MIN (cost->size1, cost->size2));
      rl_assert_close (total, rl_test_json_double (ref, "total"), 1e-12);
    }
}

/* By hand: the later year swaps the numbers of clusters 0 and 1 and moves
 * region 4 from cluster 1 to cluster 2. Regions 9 (earlier only) and 8
 * (later only) are not compared. */
static void
test_overlap (void)
{
  const guint r_from[] = { 0, 1, 2, 3, 4, 5, 6, 9 }, l_from[] = { 0, 0, 1, 1, 1, 2, 2, 0 };
  const guint r_to[] = { 6, 5, 4, 3, 2, 1, 0, 8 }, l_to[] = { 2, 2, 2, 0, 0, 1, 1, 0 };
  RlTrackYear from = { r_from, l_from, 8, 3, NULL }, to = { r_to, l_to, 8, 3, NULL };
  g_autoptr(RlTracking) t = NULL;
  GError *error = NULL;

  t = rl_tracking_new (&from, &to, RL_TRACK_OVERLAP, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (t->match[0], ==, 1);
  g_assert_cmpuint (t->match[1], ==, 0);
  g_assert_cmpuint (t->match[2], ==, 2);
  g_assert_cmpuint (t->n, ==, 7);
  g_assert_cmpuint (t->k_out, ==, 3);
  g_assert_cmpuint (t->changed->len, ==, 1);
  g_assert_cmpuint (t->regions[g_array_index (t->changed, guint, 0)], ==, 4);
  g_assert_cmpuint (t->transitions[1 * 3 + 2], ==, 1);  /* 1 → 2: region 4 */
  g_assert_cmpuint (t->transitions[1 * 3 + 1], ==, 2);
  g_assert_cmpuint (t->transitions[0 * 3 + 0], ==, 2);
  g_assert_cmpuint (t->transitions[2 * 3 + 2], ==, 2);
}

/* By centres, with one more cluster in the later year: the new one gets
 * number 2. */
static void
test_centroids (void)
{
  const double c_from[] = { 0, 0, 10, 10 }, c_to[] = { 9, 11, 50, 50, 1, -1 };
  gsl_matrix_const_view cf = gsl_matrix_const_view_array (c_from, 2, 2);
  gsl_matrix_const_view ct = gsl_matrix_const_view_array (c_to, 3, 2);
  const guint regions[] = { 0, 1, 2 }, l_from[] = { 0, 1, 1 }, l_to[] = { 2, 0, 1 };
  RlTrackYear from = { regions, l_from, 3, 2, &cf.matrix }, to = { regions, l_to, 3, 3, &ct.matrix };
  g_autoptr(RlTracking) t = rl_tracking_new (&from, &to, RL_TRACK_CENTROIDS, NULL);

  g_assert_cmpuint (t->match[0], ==, 1);
  g_assert_cmpuint (t->match[1], ==, 2);
  g_assert_cmpuint (t->match[2], ==, 0);
  g_assert_cmpuint (t->k_out, ==, 3);
  g_assert_cmpuint (t->to_labels[2], ==, 2);
  g_assert_cmpuint (t->changed->len, ==, 1);
}

static void
test_errors (void)
{
  const double nan_cost[] = { 1, NAN, 2, 3 };
  gsl_matrix_const_view c = gsl_matrix_const_view_array (nan_cost, 2, 2);
  const guint regions[] = { 0, 1 }, bad[] = { 0, 5 };
  RlTrackYear from = { regions, bad, 2, 2, NULL }, to = { regions, regions, 2, 2, NULL };
  guint assignment[2];
  GError *error = NULL;

  g_assert_false (rl_hungarian (&c.matrix, assignment, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (rl_tracking_new (&from, &to, RL_TRACK_OVERLAP, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
  from.labels = regions;
  g_assert_null (rl_tracking_new (&from, &to, RL_TRACK_CENTROIDS, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
}

int
main (int argc, char **argv)
{
  rl_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tracking/scipy-reference", test_scipy_reference);
  g_test_add_func ("/tracking/overlap", test_overlap);
  g_test_add_func ("/tracking/centroids", test_centroids);
  g_test_add_func ("/tracking/errors", test_errors);
  return g_test_run ();
}
