/* test-rating.c — the composite need rating
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-error.h"
#include "rl-rating.h"
#include "rl-test.h"
#include "rl-test-json.h"

/* NumPy/SciPy values (tests/data/make-rating-reference.py) to 1e-10 relative. */
#define REF_TOL 1e-10

static const RlPolarity hand_polarity[] = { RL_POLARITY_POSITIVE, RL_POLARITY_NEGATIVE };

/* Three regions: poverty (+) 10, 20, 60 and income (−) 100, 400, 100. */
static RlRating *
hand_rating (RlNormalize normalize)
{
  const double x[] = { 10, 100, 20, 400, 60, 100 };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 3, 2);
  RlRatingOptions opts;
  RlRating *rating;
  GError *error = NULL;

  rl_rating_options_init (&opts);
  opts.normalize = normalize;
  opts.polarity = hand_polarity;
  rating = rl_rating_new (&X.matrix, &opts, &error);
  g_assert_no_error (error);
  return rating;
}

static void
check_ranks (const RlRating *rating,
             guint           r0,
             guint           r1,
             guint           r2)
{
  g_assert_cmpuint (rating->rank[0], ==, r0);
  g_assert_cmpuint (rating->rank[1], ==, r1);
  g_assert_cmpuint (rating->rank[2], ==, r2);
  for (guint r = 0; r < 3; r++)
    g_assert_cmpuint (rating->rank[rating->order[r]], ==, r + 1);
}

/* Worked by hand: poverty z = (−20, −10, 30)/√(1400/3), income z = (−1, 2, −1)/√2,
 * score = (z_poverty − z_income) / 2. */
static void
test_hand_z (void)
{
  g_autoptr(RlRating) rating = hand_rating (RL_NORMALIZE_Z);
  double sp = sqrt (1400.0 / 3.0), si = sqrt (2.0);

  rl_assert_close (rating->score[0], (-20 / sp + 1 / si) / 2, 1e-14);
  rl_assert_close (rating->score[1], (-10 / sp - 2 / si) / 2, 1e-14);
  rl_assert_close (rating->score[2], (30 / sp + 1 / si) / 2, 1e-14);
  rl_assert_close (rating->weights[0], 0.5, 1e-15);
  check_ranks (rating, 2, 3, 1);
  g_assert_cmpint (rating->group[2], ==, RL_RATING_GROUP_RED);
}

/* min-max: poverty (0, 0.2, 1), income (0, 1, 0); rank: poverty (0, 0.5, 1),
 * income ranks (1.5, 3, 1.5) → (0.25, 1, 0.25). */
static void
test_hand_minmax_rank (void)
{
  g_autoptr(RlRating) mm = hand_rating (RL_NORMALIZE_MINMAX);
  g_autoptr(RlRating) rk = hand_rating (RL_NORMALIZE_RANK);

  rl_assert_close (mm->score[0], 0.0, 1e-15);
  rl_assert_close (mm->score[1], -0.4, 1e-15);
  rl_assert_close (mm->score[2], 0.5, 1e-15);
  check_ranks (mm, 2, 3, 1);
  rl_assert_close (gsl_matrix_get (rk->normalized, 0, 1), 0.25, 1e-15);
  rl_assert_close (rk->score[0], -0.125, 1e-15);
  rl_assert_close (rk->score[1], -0.25, 1e-15);
  rl_assert_close (rk->score[2], 0.375, 1e-15);  /* (1 − 0.25) / 2 */
  check_ranks (rk, 2, 3, 1);
}

static void
check_case (const gsl_matrix *X,
            const RlPolarity *polarity,
            const double     *user,
            JsonObject       *ref)
{
  g_autoptr(gsl_vector) w = rl_test_json_vector (json_object_get_array_member (ref, "weights"));
  g_autoptr(gsl_vector) score = rl_test_json_vector (json_object_get_array_member (ref, "score"));
  g_autoptr(gsl_matrix) N = rl_test_json_matrix (json_object_get_array_member (ref, "normalized"));
  g_autofree guint *rank = NULL;
  const char *weighting = json_object_get_string_member (ref, "weighting");
  g_autoptr(RlRating) rating = NULL;
  RlRatingOptions opts;
  GError *error = NULL;
  guint n;

  rl_rating_options_init (&opts);
  g_assert_true (rl_normalize_from_string (json_object_get_string_member (ref, "normalize"),
                                           &opts.normalize));
  opts.weighting = g_str_equal (weighting, "equal") ? RL_WEIGHTS_EQUAL
                   : g_str_equal (weighting, "user") ? RL_WEIGHTS_USER : RL_WEIGHTS_PCA;
  opts.weights = user;
  opts.polarity = polarity;
  rating = rl_rating_new (X, &opts, &error);
  g_assert_no_error (error);
  rank = rl_test_json_labels (json_object_get_array_member (ref, "rank"), &n);
  g_assert_cmpuint (n, ==, rating->n);
  for (guint j = 0; j < rating->d; j++)
    rl_assert_close (rating->weights[j], gsl_vector_get (w, j), REF_TOL);
  for (guint i = 0; i < n; i++)
    {
      rl_assert_close (rating->score[i], gsl_vector_get (score, i), REF_TOL);
      g_assert_cmpuint (rating->rank[i], ==, rank[i]);
      for (guint j = 0; j < rating->d; j++)
        rl_assert_close (gsl_matrix_get (rating->normalized, i, j), gsl_matrix_get (N, i, j),
                         REF_TOL);
    }
}

static void
test_numpy_reference (void)
{
  g_autoptr(JsonParser) parser = rl_test_json_load ("rating-reference.json");
  JsonObject *root = rl_test_json_root (parser);
  g_autoptr(gsl_matrix) X = rl_test_json_matrix (json_object_get_array_member (root, "data"));
  g_autoptr(gsl_vector) pol = rl_test_json_vector (json_object_get_array_member (root, "polarity"));
  g_autoptr(gsl_vector) user = rl_test_json_vector (json_object_get_array_member (root,
                                                                                  "user_weights"));
  JsonArray *cases = json_object_get_array_member (root, "cases");
  g_autofree RlPolarity *polarity = g_new (RlPolarity, X->size2);

  for (guint j = 0; j < X->size2; j++)
    polarity[j] = gsl_vector_get (pol, j) > 0 ? RL_POLARITY_POSITIVE : RL_POLARITY_NEGATIVE;
  g_assert_cmpuint (json_array_get_length (cases), ==, 9);
  for (guint c = 0; c < json_array_get_length (cases); c++)
    check_case (X, polarity, user->data, json_array_get_object_element (cases, c));
}

/* 25 regions, one indicator: the highest ten are red, the next ten yellow. */
static void
test_groups (void)
{
  g_autoptr(gsl_matrix) X = gsl_matrix_alloc (25, 1);
  const RlPolarity pos[] = { RL_POLARITY_POSITIVE };
  g_autoptr(RlRating) rating = NULL;
  RlRatingOptions opts;

  for (guint i = 0; i < 25; i++)
    gsl_matrix_set (X, i, 0, i);
  rl_rating_options_init (&opts);
  opts.polarity = pos;
  rating = rl_rating_new (X, &opts, NULL);
  g_assert_cmpuint (rating->order[0], ==, 24);
  g_assert_cmpuint (rating->rank[0], ==, 25);
  g_assert_cmpint (rating->group[24], ==, RL_RATING_GROUP_RED);
  g_assert_cmpint (rating->group[15], ==, RL_RATING_GROUP_RED);
  g_assert_cmpint (rating->group[14], ==, RL_RATING_GROUP_YELLOW);
  g_assert_cmpint (rating->group[5], ==, RL_RATING_GROUP_YELLOW);
  g_assert_cmpint (rating->group[4], ==, RL_RATING_GROUP_NONE);
  g_assert_cmpstr (rl_rating_group_to_string (rating->group[5]), ==, "yellow");
}

static void
expect_error (const gsl_matrix      *X,
              const RlRatingOptions *opts,
              const char            *needle)
{
  GError *error = NULL;
  RlRating *rating = rl_rating_new (X, opts, &error);

  g_assert_null (rating);
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, needle);
  g_clear_error (&error);
}

static void
test_degenerate (void)
{
  const double x[] = { 1, 5, 2, 5, 3, 5 }, nan_x[] = { 1, 5, NAN, 5 }, one[] = { 7, 3 };
  const double zero_w[] = { 0, 0 };
  const char *features[] = { "poverty", "retail", NULL };
  const RlPolarity none[] = { RL_POLARITY_POSITIVE, RL_POLARITY_NONE };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 3, 2);
  gsl_matrix_const_view N = gsl_matrix_const_view_array (nan_x, 2, 2);
  gsl_matrix_const_view O = gsl_matrix_const_view_array (one, 1, 2);
  g_autoptr(RlRating) constant = NULL, single = NULL;
  RlRatingOptions opts;

  rl_rating_options_init (&opts);
  opts.polarity = hand_polarity;
  opts.features = features;
  /* a constant indicator is 0 everywhere and does not move the ranks */
  constant = rl_rating_new (&X.matrix, &opts, NULL);
  g_assert_cmpfloat (gsl_matrix_get (constant->normalized, 1, 1), ==, 0.0);
  check_ranks (constant, 3, 2, 1);
  /* one region: score 0, rank 1 */
  single = rl_rating_new (&O.matrix, &opts, NULL);
  g_assert_cmpfloat (single->score[0], ==, 0.0);
  g_assert_cmpuint (single->rank[0], ==, 1);

  expect_error (&N.matrix, &opts, "poverty");
  opts.polarity = none;
  expect_error (&X.matrix, &opts, "“retail” has no polarity");
  opts.polarity = NULL;
  expect_error (&X.matrix, &opts, "polarity");
  opts.polarity = hand_polarity;
  opts.weighting = RL_WEIGHTS_USER;
  opts.weights = zero_w;
  expect_error (&X.matrix, &opts, "zero");
  /* PCA weights need variation */
  opts.weighting = RL_WEIGHTS_PCA;
  expect_error (&O.matrix, &opts, "varies");
}

static void
test_parse (void)
{
  const char *features[] = { "poverty", "income", "retail" };
  RlPolarity polarity[3] = { RL_POLARITY_NONE, RL_POLARITY_POSITIVE, RL_POLARITY_NONE };
  double weights[3];
  GError *error = NULL;

  g_assert_true (rl_rating_parse_polarity ("poverty=+, income=-", features, 3, polarity, &error));
  g_assert_no_error (error);
  g_assert_cmpint (polarity[0], ==, RL_POLARITY_POSITIVE);
  g_assert_cmpint (polarity[1], ==, RL_POLARITY_NEGATIVE);
  g_assert_cmpint (polarity[2], ==, RL_POLARITY_NONE);
  g_assert_false (rl_rating_parse_polarity ("wealth=+", features, 3, polarity, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "wealth"));
  g_clear_error (&error);
  g_assert_false (rl_rating_parse_polarity ("poverty=up", features, 3, polarity, &error));
  g_clear_error (&error);

  g_assert_true (rl_rating_parse_weights ("poverty=2,income=1,retail=0.5", features, 3, weights,
                                          &error));
  g_assert_cmpfloat (weights[2], ==, 0.5);
  g_assert_false (rl_rating_parse_weights ("poverty=2,income=1", features, 3, weights, &error));
  g_assert_nonnull (strstr (error->message, "retail"));
  g_clear_error (&error);
  g_assert_false (rl_rating_parse_weights ("poverty=-1,income=1,retail=1", features, 3, weights,
                                           &error));
  g_clear_error (&error);
}

static void
test_preset (void)
{
  guint n;
  const RlRatingPresetEntry *preset = rl_rating_study_preset (&n);

  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpstr (preset[0].id, ==, "poverty_percent");
  g_assert_cmpint (preset[0].polarity, ==, RL_POLARITY_POSITIVE);
  g_assert_cmpint (preset[1].polarity, ==, RL_POLARITY_POSITIVE);
  for (guint j = 2; j < n; j++)
    g_assert_cmpint (preset[j].polarity, ==, RL_POLARITY_NEGATIVE);
  g_assert_cmpstr (preset[5].id, ==, "retail_turnover_per_capita");
}

int
main (int argc, char **argv)
{
  rl_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rating/hand-z", test_hand_z);
  g_test_add_func ("/rating/hand-minmax-rank", test_hand_minmax_rank);
  g_test_add_func ("/rating/numpy-reference", test_numpy_reference);
  g_test_add_func ("/rating/groups", test_groups);
  g_test_add_func ("/rating/degenerate", test_degenerate);
  g_test_add_func ("/rating/parse", test_parse);
  g_test_add_func ("/rating/preset", test_preset);
  return g_test_run ();
}
