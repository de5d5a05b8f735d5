/* test-grouping.c — analytic grouping, variance decomposition, η and the Chaddock scale
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-error.h"
#include "rl-grouping.h"
#include "rl-test.h"
#include "rl-test-json.h"

/* NumPy reference values agree to rounding; 1e-12 relative leaves room for summation order. */
#define REF_TOL 1e-12

/* total = within + between: any mismatch beyond rounding is a bug. */
static void
assert_decomposition (const RlGrouping *g)
{
  double sum = g->within_variance + g->between_variance;

  g_assert_true (fabs (g->total_variance - sum) <= 1e-9 * MAX (g->total_variance, 1e-300)
                 || g->total_variance == sum);
}

static void
check_groups (const RlGrouping *g,
              JsonObject       *ref)
{
  JsonArray *groups = json_object_get_array_member (ref, "groups");

  g_assert_cmpuint (g->k, ==, json_array_get_length (groups));
  for (guint j = 0; j < g->k; j++)
    {
      JsonObject *o = json_array_get_object_element (groups, j);
      double lower = rl_test_json_double (o, "lower"), upper = rl_test_json_double (o, "upper");

      g_assert_cmpuint (g->groups[j].n, ==, json_object_get_int_member (o, "n"));
      /* null bounds in the reference are the open ends (±∞) or label groups (NaN) */
      if (!isnan (lower))
        rl_assert_close (g->groups[j].lower, lower, REF_TOL);
      if (!isnan (upper))
        rl_assert_close (g->groups[j].upper, upper, REF_TOL);
      rl_assert_close_or_nan (g->groups[j].mean, rl_test_json_double (o, "mean"), REF_TOL, 0);
      rl_assert_close_or_nan (g->groups[j].variance, rl_test_json_double (o, "variance"),
                              REF_TOL, 1e-15);
    }
}

static void
check_against (const RlGrouping *g,
               JsonObject       *ref)
{
  check_groups (g, ref);
  rl_assert_close (g->mean, rl_test_json_double (ref, "mean"), REF_TOL);
  rl_assert_close (g->total_variance, rl_test_json_double (ref, "total_variance"), REF_TOL);
  rl_assert_close (g->within_variance, rl_test_json_double (ref, "within_variance"), REF_TOL);
  rl_assert_close (g->between_variance, rl_test_json_double (ref, "between_variance"), REF_TOL);
  rl_assert_close (g->eta2, rl_test_json_double (ref, "eta2"), REF_TOL);
  rl_assert_close (g->eta, rl_test_json_double (ref, "eta"), REF_TOL);
  if (json_object_has_member (ref, "h"))
    rl_assert_close (g->h, rl_test_json_double (ref, "h"), REF_TOL);
  assert_decomposition (g);
}

static gsl_vector *
member_vector (JsonObject *o,
               const char *name)
{
  return rl_test_json_vector (json_object_get_array_member (o, name));
}

/* The worked example, with the rounded figures as stated and NumPy's exact ones. */
static void
test_worked_example (void)
{
  g_autoptr(JsonParser) parser = rl_test_json_load ("grouping-reference.json");
  JsonObject *ex = json_object_get_object_member (rl_test_json_root (parser), "example");
  g_autoptr(gsl_vector) x = member_vector (ex, "values");
  const double breaks[] = { 0.6, 1.0, 1.9, 3.0 };
  const guint sturges_n[] = { 18, 7, 2, 2, 1 }, breaks_n[] = { 7, 5, 6, 7, 5 };
  RlGroupingOptions options;
  g_autoptr(RlGrouping) s = NULL;
  g_autoptr(RlGrouping) b = NULL;

  g_assert_cmpuint (x->size, ==, 30);
  rl_grouping_options_init (&options);
  s = rl_grouping_new (x, &options, NULL);
  g_assert_cmpuint (s->k, ==, 5);
  g_assert_cmpfloat (fabs (s->mean - 1.95), <, 0.005);
  g_assert_cmpfloat (fabs (s->total_variance - 3.34), <, 0.005);
  g_assert_cmpfloat (fabs (s->h - 1.57), <, 0.005);
  for (guint j = 0; j < 5; j++)
    g_assert_cmpuint (s->groups[j].n, ==, sturges_n[j]);
  check_against (s, json_object_get_object_member (ex, "sturges"));

  options.scheme = RL_GROUPING_BREAKS;
  options.breaks = breaks;
  options.n_breaks = 4;
  b = rl_grouping_new (x, &options, NULL);
  for (guint j = 0; j < 5; j++)
    g_assert_cmpuint (b->groups[j].n, ==, breaks_n[j]);
  g_assert_cmpfloat (fabs (b->within_variance - 0.5092), <, 5e-5);
  g_assert_cmpfloat (fabs (b->between_variance - 2.8309), <, 5e-5);
  g_assert_true (isinf (b->groups[0].lower) && b->groups[0].lower < 0);
  g_assert_true (isinf (b->groups[4].upper) && b->groups[4].upper > 0);
  g_assert_cmpfloat (b->groups[1].lower, ==, 0.6);
  check_against (b, json_object_get_object_member (ex, "by_breaks"));
  g_assert_cmpint (b->chaddock, ==, RL_CHADDOCK_VERY_STRONG); /* η = 0.9206 */
}

static void
test_numpy_reference (void)
{
  g_autoptr(JsonParser) parser = rl_test_json_load ("grouping-reference.json");
  JsonObject *root = rl_test_json_root (parser);
  JsonObject *ex = json_object_get_object_member (root, "example");
  JsonObject *ties = json_object_get_object_member (root, "ties");
  JsonObject *byf = json_object_get_object_member (root, "by_feature");
  JsonObject *byl = json_object_get_object_member (root, "by_labels");
  g_autoptr(gsl_vector) x = member_vector (ex, "values");
  g_autoptr(gsl_vector) t = member_vector (ties, "values");
  g_autoptr(gsl_vector) f = member_vector (byf, "f");
  g_autoptr(gsl_vector) g = member_vector (byf, "g");
  g_autofree guint *labels = NULL;
  RlGroupingOptions options;
  RlGrouping *r;
  guint n;

  rl_grouping_options_init (&options);
  options.scheme = RL_GROUPING_EQUAL_INTERVAL;
  options.k = 3;
  r = rl_grouping_new (x, &options, NULL);
  check_against (r, json_object_get_object_member (ex, "equal_interval_3"));
  rl_grouping_free (r);

  options.scheme = RL_GROUPING_EQUAL_FREQUENCY;
  options.k = 4;
  r = rl_grouping_new (t, &options, NULL);
  check_against (r, json_object_get_object_member (ties, "equal_frequency_4"));
  rl_grouping_free (r);

  options.scheme = RL_GROUPING_STURGES;
  r = rl_grouping_new_by_feature (f, g, &options, NULL);
  check_against (r, json_object_get_object_member (byf, "sturges"));
  rl_grouping_free (r);

  labels = rl_test_json_labels (json_object_get_array_member (byl, "labels"), &n);
  g_assert_cmpuint (n, ==, f->size);
  r = rl_grouping_new_by_labels (f, labels, 4, NULL);
  check_against (r, json_object_get_object_member (byl, "result"));
  g_assert_cmpuint (r->groups[2].n, ==, 0);          /* the empty cluster */
  g_assert_true (isnan (r->groups[2].mean) && isnan (r->groups[2].variance));
  rl_grouping_free (r);
}

/* 1, 2, 3 | 10, 11, 12 by labels: means 2 and 11, within 2/3, between 20.25. */
static void
test_by_hand (void)
{
  const double v[] = { 1, 10, 2, 11, 3, 12 };
  const guint labels[] = { 0, 1, 0, 1, 0, 1 };
  gsl_vector_const_view x = gsl_vector_const_view_array (v, 6);
  g_autoptr(RlGrouping) g = rl_grouping_new_by_labels (&x.vector, labels, 2, NULL);

  rl_assert_close (g->groups[0].mean, 2.0, 1e-15);
  rl_assert_close (g->groups[1].variance, 2.0 / 3.0, 1e-15);
  rl_assert_close (g->within_variance, 2.0 / 3.0, 1e-15);
  rl_assert_close (g->between_variance, 20.25, 1e-15);
  rl_assert_close (g->eta2, 20.25 / (20.25 + 2.0 / 3.0), 1e-15);
  assert_decomposition (g);
  g_assert_cmpstr (rl_chaddock_label (g->eta), ==, "very strong");   /* η = 0.9839 */
}

static void
test_chaddock (void)
{
  const struct { double eta; const char *words; } cases[] = {
    { 0.0, "practically none" }, { 0.0999, "practically none" }, { 0.1, "weak" },
    { 0.3, "moderate" }, { 0.5, "noticeable" }, { 0.69, "noticeable" }, { 0.7, "strong" },
    { 0.9, "very strong" }, { 0.989, "very strong" }, { 0.99, "practically functional" },
    { 1.0, "practically functional" }, { -0.75, "strong" }, { NAN, "undefined" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (rl_chaddock_label (cases[i].eta), ==, cases[i].words);
  g_assert_cmpint (rl_chaddock_from_eta (0.3), ==, RL_CHADDOCK_MODERATE);
  g_assert_cmpstr (rl_chaddock_name (RL_CHADDOCK_WEAK), ==, "weak");
  g_assert_cmpuint (rl_grouping_sturges_k (30), ==, 5);
  g_assert_cmpuint (rl_grouping_sturges_k (85), ==, 7);
  g_assert_cmpuint (rl_grouping_sturges_k (1), ==, 1);
}

/* Constant feature, a single value, NaN rows, everything in one group, k > n. */
static void
test_degenerate (void)
{
  const double k7[] = { 7, 7, 7, 7 }, one[] = { 5 }, gaps[] = { 1, NAN, 3, 5, NAN, 9 };
  const double below[] = { 100 };
  gsl_vector_const_view vk = gsl_vector_const_view_array (k7, 4);
  gsl_vector_const_view v1 = gsl_vector_const_view_array (one, 1);
  gsl_vector_const_view vg = gsl_vector_const_view_array (gaps, 6);
  RlGroupingOptions options;
  RlGrouping *g;

  rl_grouping_options_init (&options);
  g = rl_grouping_new (&vk.vector, &options, NULL);
  g_assert_cmpint (g->status, ==, RL_GROUPING_CONSTANT);
  g_assert_true (isnan (g->eta) && isnan (g->eta2));
  g_assert_cmpint (g->chaddock, ==, RL_CHADDOCK_UNDEFINED);
  g_assert_cmpfloat (g->total_variance, ==, 0.0);
  rl_grouping_free (g);

  g = rl_grouping_new (&v1.vector, &options, NULL);
  g_assert_cmpuint (g->k, ==, 1);
  g_assert_cmpuint (g->groups[0].n, ==, 1);
  g_assert_cmpint (g->status, ==, RL_GROUPING_CONSTANT);
  rl_grouping_free (g);

  options.scheme = RL_GROUPING_EQUAL_INTERVAL;
  options.k = 2;    /* [1, 5) and [5, 9] */
  g = rl_grouping_new (&vg.vector, &options, NULL);
  g_assert_cmpuint (g->n, ==, 4);
  g_assert_cmpuint (g->labels[1], ==, RL_GROUP_NONE);
  g_assert_cmpuint (g->labels[3], ==, 1);
  g_assert_cmpuint (g->groups[0].n, ==, 2);
  assert_decomposition (g);
  rl_grouping_free (g);

  options.scheme = RL_GROUPING_BREAKS;  /* every value in the last, open group */
  options.breaks = below;
  options.n_breaks = 1;
  g = rl_grouping_new (&vg.vector, &options, NULL);
  g_assert_cmpuint (g->groups[0].n, ==, 4);
  g_assert_cmpuint (g->groups[1].n, ==, 0);
  g_assert_cmpfloat (g->eta2, ==, 0.0);
  g_assert_cmpfloat (g->between_variance, ==, 0.0);
  assert_decomposition (g);
  rl_grouping_free (g);

  options.scheme = RL_GROUPING_EQUAL_FREQUENCY;  /* more groups than values */
  options.k = 6;
  g = rl_grouping_new (&vg.vector, &options, NULL);
  g_assert_cmpuint (g->k, ==, 6);
  g_assert_cmpuint (g->n, ==, 4);
  rl_assert_close (g->eta2, 1.0, 1e-15);
  assert_decomposition (g);
  rl_grouping_free (g);
}

static void
test_errors (void)
{
  const double v[] = { 1, 2, 3 }, nan3[] = { NAN, NAN, NAN }, bad[] = { 2, 1 };
  const guint labels[] = { 0, 1, 5 };
  gsl_vector_const_view x = gsl_vector_const_view_array (v, 3);
  gsl_vector_const_view xn = gsl_vector_const_view_array (nan3, 3);
  gsl_vector_const_view x2 = gsl_vector_const_view_array (v, 2);
  RlGroupingOptions options;
  GError *error = NULL;

  rl_grouping_options_init (&options);
  g_assert_null (rl_grouping_new (&xn.vector, &options, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (rl_grouping_new_by_feature (&x.vector, &x2.vector, &options, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (rl_grouping_new_by_labels (&x.vector, labels, 2, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
  options.scheme = RL_GROUPING_EQUAL_FREQUENCY;
  g_assert_null (rl_grouping_new (&x.vector, &options, &error));   /* k = 0 */
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
  options.scheme = RL_GROUPING_BREAKS;
  options.breaks = bad;
  options.n_breaks = 2;
  g_assert_null (rl_grouping_new (&x.vector, &options, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
}

static void
test_parse_scheme (void)
{
  const char *bad[] = { "sturgess", "equal-interval:0", "equal-interval:x", "breaks:", "breaks:2,1",
                        "breaks:1,,2" };
  RlGroupingOptions options;
  g_autoptr(GArray) breaks = NULL;
  GArray *none;
  GError *error = NULL;

  none = rl_grouping_options_parse (&options, "equal-frequency:4", &error);
  g_assert_no_error (error);
  g_assert_cmpint (options.scheme, ==, RL_GROUPING_EQUAL_FREQUENCY);
  g_assert_cmpuint (options.k, ==, 4);
  g_array_unref (none);
  breaks = rl_grouping_options_parse (&options, "breaks:0.6, 1,1.9,3.0", &error);
  g_assert_no_error (error);
  g_assert_cmpint (options.scheme, ==, RL_GROUPING_BREAKS);
  g_assert_cmpuint (options.n_breaks, ==, 4);
  g_assert_cmpfloat (options.breaks[2], ==, 1.9);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_null (rl_grouping_options_parse (&options, bad[i], &error));
      g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_cmpint (options.scheme, ==, RL_GROUPING_STURGES);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/grouping/worked-example", test_worked_example);
  g_test_add_func ("/grouping/numpy-reference", test_numpy_reference);
  g_test_add_func ("/grouping/by-hand", test_by_hand);
  g_test_add_func ("/grouping/chaddock", test_chaddock);
  g_test_add_func ("/grouping/degenerate", test_degenerate);
  g_test_add_func ("/grouping/errors", test_errors);
  g_test_add_func ("/grouping/parse-scheme", test_parse_scheme);
  return g_test_run ();
}
